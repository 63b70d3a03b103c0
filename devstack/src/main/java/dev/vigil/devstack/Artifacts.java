package dev.vigil.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the jars that child processes run from: {@code devstack/target/kafka-lib} and
 * {@code lib} (copied by the devstack build) and the S3Proxy fat jar. They are looked up
 * next to the devstack classes (reactor builds, {@code ./vigil up}), then in a
 * {@code devstack/target} of the working directory or any parent (another module's
 * tests), or where {@code vigil.devstack.home} / {@code VIGIL_DEVSTACK_HOME} points.
 */
final class Artifacts {

	private static final String BUILD_HINT = "build it first: ./mvnw -B package -pl devstack -DskipTests";

	private final Path home;

	private Artifacts(Path home) {
		this.home = home;
	}

	static Artifacts locate() {
		Path home = findHome();
		if (home == null) {
			throw new DevstackException(
					"Cannot find devstack/target/kafka-lib (the Kafka broker's jars); " + BUILD_HINT);
		}
		return new Artifacts(home);
	}

	/**
	 * Classpath of the Kafka child JVM: the broker's jars plus devstack's runtime jars.
	 */
	String kafkaClasspath() {
		Path lib = this.home.resolve("lib");
		if (!Files.isDirectory(lib)) {
			throw new DevstackException("Cannot find " + lib + "; " + BUILD_HINT);
		}
		return this.home.resolve("kafka-lib") + "/*" + java.io.File.pathSeparator + lib + "/*";
	}

	Path s3proxyJar() {
		Path copied = this.home.resolve("s3proxy").resolve("s3proxy.jar");
		if (Files.isRegularFile(copied)) {
			return copied;
		}
		String version = buildProperty("s3proxy.version");
		String repository = System.getProperty("maven.repo.local",
				Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
		Path inRepository = Path.of(repository, "org", "gaul", "s3proxy", version,
				"s3proxy-" + version + "-jar-with-dependencies.jar");
		if (Files.isRegularFile(inRepository)) {
			return inRepository;
		}
		throw new DevstackException(
				"Cannot find the S3Proxy jar at " + copied + " or " + inRepository + "; " + BUILD_HINT);
	}

	/**
	 * JVM options that make a child exit when this JVM is gone ({@link ParentWatch}), or
	 * none when no devstack jar is built (the children then rely on a clean stop).
	 * @return zero or one {@code -javaagent} option
	 */
	List<String> parentWatchOptions() {
		Path codeSource = codeSource();
		Path jar = (codeSource != null && Files.isRegularFile(codeSource) && codeSource.toString().endsWith(".jar"))
				? codeSource : null;
		if (jar == null) {
			try (Stream<Path> files = Files.list(this.home)) {
				jar = files.filter((file) -> file.getFileName().toString().matches("devstack-[^-]+(-SNAPSHOT)?\\.jar"))
					.findFirst()
					.orElse(null);
			}
			catch (IOException ex) {
				jar = null;
			}
		}
		return (jar != null) ? List.of("-javaagent:" + jar + "=" + ProcessHandle.current().pid()) : List.of();
	}

	static String buildProperty(String name) {
		try (InputStream in = Artifacts.class.getResourceAsStream("devstack.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty(name, "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static @Nullable Path findHome() {
		String configured = System.getProperty("vigil.devstack.home", System.getenv("VIGIL_DEVSTACK_HOME"));
		if (configured != null && !configured.isBlank()) {
			return isHome(Path.of(configured)) ? Path.of(configured).toAbsolutePath() : null;
		}
		Path codeSource = codeSource();
		if (codeSource != null && codeSource.getParent() != null && isHome(codeSource.getParent())) {
			return codeSource.getParent();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("devstack").resolve("target");
			if (isHome(candidate)) {
				return candidate;
			}
			if (dir.getFileName() != null && dir.getFileName().toString().equals("devstack")
					&& isHome(dir.resolve("target"))) {
				return dir.resolve("target");
			}
		}
		return null;
	}

	private static boolean isHome(Path dir) {
		return Files.isDirectory(dir.resolve("kafka-lib"));
	}

	/** target/classes (a directory) or target/devstack-*.jar. */
	private static @Nullable Path codeSource() {
		try {
			var source = Artifacts.class.getProtectionDomain().getCodeSource();
			return (source != null) ? Path.of(source.getLocation().toURI()).toAbsolutePath() : null;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return null;
		}
	}

}
