package dev.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one infrastructure of a test JVM. System property {@code vigil.infrastructure}
 * ({@code auto}, {@code devstack}, {@code testcontainers}) forces a mode; {@code auto}
 * uses Testcontainers when a Docker engine answers.
 */
final class SharedInfrastructure {

	static final String MODE_PROPERTY = "vigil.infrastructure";

	private static final Logger logger = LoggerFactory.getLogger(SharedInfrastructure.class);

	private static @Nullable Infrastructure current;

	private static boolean shutdownHookAdded;

	private SharedInfrastructure() {
	}

	static synchronized Infrastructure get() {
		Infrastructure infrastructure = current;
		if (infrastructure == null) {
			infrastructure = startInfrastructure();
			current = infrastructure;
			if (!shutdownHookAdded) {
				Runtime.getRuntime()
					.addShutdownHook(new Thread(SharedInfrastructure::close, "vigil-infrastructure-shutdown"));
				shutdownHookAdded = true;
			}
		}
		return infrastructure;
	}

	static synchronized void close() {
		Infrastructure infrastructure = current;
		current = null;
		if (infrastructure instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.warn("Stopping the {} infrastructure failed", infrastructure.mode(), ex);
			}
		}
	}

	private static Infrastructure startInfrastructure() {
		String requested = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
		boolean useContainers = switch (requested) {
			case "testcontainers" -> true;
			case "devstack" -> false;
			case "auto" -> dockerAvailable();
			default -> throw new DevstackException(
					MODE_PROPERTY + " must be auto, devstack or testcontainers, not '" + requested + "'");
		};
		long started = System.nanoTime();
		Infrastructure infrastructure;
		String reason;
		if (useContainers) {
			reason = requested.equals("auto") ? "a Docker engine answered" : MODE_PROPERTY + "=" + requested;
			infrastructure = TestcontainersInfrastructure.start();
		}
		else {
			reason = requested.equals("auto") ? "no Docker engine answered" : MODE_PROPERTY + "=" + requested;
			infrastructure = Devstack.start(DevstackSettings.forTests(testBaseDirectory()));
		}
		logger.info("Vigil infrastructure mode={} ({}), ready in {} ms: {}", infrastructure.mode(), reason,
				(System.nanoTime() - started) / 1_000_000, infrastructure.describe());
		return infrastructure;
	}

	private static boolean dockerAvailable() {
		if (!dockerConfigured()) {
			// Skips Testcontainers' probing (seconds, and an ERROR log) on machines that
			// plainly have no Docker engine.
			logger.debug("No DOCKER_HOST, Docker socket or ~/.testcontainers.properties");
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			logger.debug("Docker detection failed", ex);
			return false;
		}
	}

	private static boolean dockerConfigured() {
		String home = System.getProperty("user.home");
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
				Path.of(home, ".docker", "run", "docker.sock"), Path.of(home, ".docker", "desktop", "docker.sock"),
				Path.of(home, ".colima", "default", "docker.sock"), Path.of(home, ".testcontainers.properties")));
		if (runtime != null) {
			candidates.add(Path.of(runtime, "docker.sock"));
			candidates.add(Path.of(runtime, "podman", "podman.sock"));
		}
		return System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null
				|| candidates.stream().anyMatch(Files::exists);
	}

	/**
	 * A fresh directory under the module's {@code target/} (kept after the run, so the
	 * child logs can be read when a test fails), or under the temp dir outside Maven.
	 */
	private static Path testBaseDirectory() {
		try {
			Path target = Path.of("target").toAbsolutePath();
			Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
			return Files.createTempDirectory(parent, "vigil-devstack-");
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot create a devstack directory for tests: " + ex.getMessage(), ex);
		}
	}

}
