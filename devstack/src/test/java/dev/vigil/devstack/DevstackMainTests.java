package dev.vigil.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's rejections: each returns a non-zero status with a clear message and starts
 * nothing.
 */
class DevstackMainTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void refusesATakenPortNamingTheProcessHoldingIt() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			int status = run("up", "--data-dir", this.dir.resolve("data").toString(), "--run-dir",
					this.dir.resolve("run").toString(), "--log-dir", this.dir.resolve("logs").toString(),
					"--kafka-port", String.valueOf(Ports.free()), "--kafka-controller-port",
					String.valueOf(Ports.free()), "--s3-port", String.valueOf(Ports.free()), "--mongo-port",
					String.valueOf(Ports.free()), "--redis-port", String.valueOf(port));

			assertThat(status).isEqualTo(1);
			assertThat(errors())
				.contains("Port " + port + " (Redis) is already in use by pid " + ProcessHandle.current().pid());
			assertThat(ProcessHandle.current().children()).isEmpty();
			assertThat(this.dir.resolve("run").resolve(DevstackMain.ENV_FILE)).doesNotExist();
			assertThat(this.dir.resolve("run").resolve(DevstackMain.PIDS_FILE)).doesNotExist();
			assertThat(this.dir.resolve("data")).doesNotExist();
			assertThat(this.dir.resolve("run")).doesNotExist();
			assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
		}
	}

	@Test
	void refusesAnUnwritableDataDir() throws Exception {
		Path file = Files.writeString(this.dir.resolve("file"), "x");

		int status = run("up", "--data-dir", file.resolve("data").toString(), "--run-dir",
				this.dir.resolve("run").toString(), "--kafka-port", String.valueOf(Ports.free()),
				"--kafka-controller-port", String.valueOf(Ports.free()), "--s3-port", String.valueOf(Ports.free()),
				"--mongo-port", String.valueOf(Ports.free()), "--redis-port", String.valueOf(Ports.free()));

		assertThat(status).isEqualTo(1);
		assertThat(errors()).contains("data dir " + file.resolve("data")).contains("is not writable");
		assertThat(ProcessHandle.current().children()).isEmpty();
	}

	@Test
	void rejectsAnUnknownOptionWithUsage() {
		assertThat(run("up", "--kafka-prot", "9092")).isEqualTo(DevstackMain.USAGE);
		assertThat(errors()).contains("unknown option --kafka-prot").contains("usage:");
	}

	@Test
	void rejectsAPortThatIsNotANumber() {
		assertThat(run("up", "--redis-port", "six")).isEqualTo(DevstackMain.USAGE);
		assertThat(errors()).contains("--redis-port must be a number");
	}

	@Test
	void rejectsAPortOutOfRange() {
		assertThat(run("up", "--s3-port=70000")).isEqualTo(DevstackMain.USAGE);
		assertThat(errors()).contains("--s3-port must be between 1 and 65535");
	}

	@Test
	void rejectsAnUnknownCommand() {
		assertThat(run("down")).isEqualTo(DevstackMain.USAGE);
		assertThat(errors()).contains("unknown command 'down'");
	}

	@Test
	void usesTheDocumentedDefaultPorts() {
		DevstackMain.Options options = DevstackMain.Options.parse(new String[] { "up" });

		assertThat(options).isNotNull();
		assertThat(options.kafkaPort()).isEqualTo(9092);
		assertThat(options.kafkaControllerPort()).isEqualTo(9093);
		assertThat(options.redisPort()).isEqualTo(6379);
		assertThat(options.s3Port()).isEqualTo(9000);
		assertThat(options.mongoPort()).isEqualTo(27017);
		assertThat(options.dataDir()).isEqualTo(Path.of(".vigil/data"));
		assertThat(options.s3SecretKey()).isNull();
	}

	private int run(String... args) {
		return DevstackMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
