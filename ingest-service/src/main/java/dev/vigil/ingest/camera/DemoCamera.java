package dev.vigil.ingest.camera;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.support.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * {@code devstack} only: a camera account {@code demo} that works out of the box. Its
 * generated password is logged once and kept in {@code <data-dir>/demo-camera.properties}
 * (mode 600, keys {@code user} and {@code password}), where {@code ./vigil} and the
 * benchmarks read it.
 */
class DemoCamera implements InitializingBean {

	static final String USER = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoCamera.class);

	private final CameraDirectory cameras;

	private final Path file;

	DemoCamera(CameraDirectory cameras, EdgeProperties edge) {
		this.cameras = cameras;
		this.file = edge.dataDir().resolve("demo-camera.properties");
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		if (Files.exists(this.file)) {
			Properties saved = new Properties();
			try (Reader reader = Files.newBufferedReader(this.file)) {
				saved.load(reader);
			}
			String password = saved.getProperty("password");
			if (this.cameras.byUser(USER).isEmpty() && password != null) {
				this.cameras.create(USER, USER, password, List.of(), null);
			}
			return;
		}
		if (this.cameras.byUser(USER).isPresent()) {
			return;
		}
		String password = CameraDirectory.generatePassword();
		this.cameras.create(USER, USER, password, List.of(), null);
		SecretFiles.writePrivate(this.file, "user=" + USER + "\npassword=" + password + "\n");
		log.info("Created demo camera account: user={} password={} (saved in {})", USER, password, this.file);
	}

}
