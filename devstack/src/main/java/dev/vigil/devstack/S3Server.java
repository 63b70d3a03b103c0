package dev.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/**
 * S3Proxy with its filesystem backend in a child JVM. Its fat jar bundles unshaded Jetty,
 * Guava and Jackson, so it must never share a classpath with a service; as a child it
 * also stops and restarts like a real S3 outage. The media bucket is created with the
 * MinIO SDK, which also proves that the endpoint and credentials work.
 */
final class S3Server extends ChildProcessComponent {

	private final Path dir;

	private final Path logFile;

	private final int port;

	private final S3Credentials credentials;

	private final Artifacts artifacts;

	S3Server(Path dataDir, Path logDir, int port, S3Credentials credentials, Artifacts artifacts) {
		this.dir = dataDir.resolve("s3");
		this.logFile = logDir.resolve("s3proxy.log");
		this.port = port;
		this.credentials = credentials;
		this.artifacts = artifacts;
	}

	String endpoint() {
		return "http://" + DevstackSettings.HOST + ":" + this.port;
	}

	@Override
	public Component component() {
		return Component.S3;
	}

	@Override
	public void launch() {
		if (running()) {
			return;
		}
		Path jar = this.artifacts.s3proxyJar();
		try {
			Path objects = Files.createDirectories(this.dir.resolve("objects"));
			Path config = this.dir.resolve("s3proxy.conf");
			Files.deleteIfExists(config);
			// The configuration holds the secret: owner-only from the start.
			Files.createFile(config,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(config,
					String.join("\n", "s3proxy.endpoint=" + endpoint(), "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + this.credentials.accessKey(),
							"s3proxy.credential=" + this.credentials.secretKey(), "s3proxy.cors-allow-all=true",
							"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + objects, ""));
			List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms32m", "-Xmx256m",
					"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"));
			command.addAll(this.artifacts.parentWatchOptions());
			command.addAll(List.of("-jar", jar.toString(), "--properties", config.toString()));
			this.process = ChildProcess.start("S3Proxy", command, this.dir, this.logFile);
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot prepare S3Proxy under " + this.dir + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void awaitReady(Duration timeout) {
		ChildProcess child = this.process;
		String what = "S3Proxy on " + endpoint();
		Await.until(what, timeout, child, this.logFile.toString(), () -> Ports.accepts(this.port));
		MinioClient client = MinioClient.builder()
			.endpoint(endpoint())
			.region(Infrastructure.REGION)
			.credentials(this.credentials.accessKey(), this.credentials.secretKey())
			.build();
		Await.until(what, timeout, child, this.logFile.toString(), () -> ensureBucket(client));
	}

	static boolean ensureBucket(MinioClient client) {
		try {
			if (!client.bucketExists(BucketExistsArgs.builder().bucket(Infrastructure.BUCKET).build())) {
				client.makeBucket(MakeBucketArgs.builder().bucket(Infrastructure.BUCKET).build());
			}
			return true;
		}
		catch (Exception ex) {
			throw new IllegalStateException("bucket " + Infrastructure.BUCKET + " not ready: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void stop() {
		ChildProcess child = this.process;
		if (child != null) {
			child.stop(Duration.ofSeconds(10));
			this.process = null;
		}
	}

	@Override
	public String where() {
		return endpoint() + " (S3Proxy filesystem backend under " + this.dir.resolve("objects") + ", bucket "
				+ Infrastructure.BUCKET + ", child pid " + pid().orElse(-1) + ", log " + this.logFile + ")";
	}

}
