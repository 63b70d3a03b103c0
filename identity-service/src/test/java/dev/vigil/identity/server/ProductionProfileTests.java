package dev.vigil.identity.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.identity.IdentityApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile refuses to start with missing or default secrets. */
class ProductionProfileTests {

	@TempDir
	Path dir;

	@Test
	void refusesToStartWithoutASigningKeyAndNamesTheVariable() {
		assertThatThrownBy(() -> start("q4Jk0t7mVZcX2pL9sW1eR8yU3iO6aD5f", this.dir.resolve("no-keys"))).rootCause()
			.hasMessageContaining("VIGIL_IDENTITY_KEYS_DIR");
	}

	@Test
	void refusesToStartWithoutTheUiClientSecret() throws Exception {
		assertThatThrownBy(() -> start("", keyDir())).rootCause().hasMessageContaining("VIGIL_UI_CLIENT_SECRET");
	}

	@Test
	void refusesToStartWithADefaultUiClientSecret() throws Exception {
		assertThatThrownBy(() -> start("changeme", keyDir())).rootCause()
			.hasMessageContaining("VIGIL_UI_CLIENT_SECRET is a default or weak value");
	}

	private Path keyDir() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		Path keys = Files.createDirectories(this.dir.resolve("keys"));
		Files.writeString(keys.resolve("signing.pem"),
				"-----BEGIN PRIVATE KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		return keys;
	}

	private void start(String uiSecret, Path keys) {
		// Command-line arguments: they outrank the production profile's own settings.
		new SpringApplicationBuilder(IdentityApplication.class).profiles("production")
			.run("--server.port=0", "--vigil.identity.data-dir=" + this.dir, "--vigil.identity.keys.dir=" + keys,
					"--vigil.identity.clients.ui.client-secret=" + uiSecret,
					"--spring.mongodb.uri=mongodb://127.0.0.1:9", "--spring.main.banner-mode=off")
			.close();
	}

}
