package dev.vigil.devstack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as {@code ./vigil up} runs it: a separate JVM on the built jar and
 * {@code target/lib}, stopped with SIGTERM, and killed with SIGKILL.
 */
class DevstackMainProcessIT {

	@TempDir
	Path dir;

	@Test
	void stopsEveryChildOnSigtermAndJavaChildrenFollowAKilledParent() throws Exception {
		Process first = startCli();
		List<Long> children = childPids();
		assertThat(children).hasSize(MosquittoBroker.available() ? 4 : 3);

		first.destroy();

		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).isEqualTo(143);
		assertThat(children).noneMatch(DevstackMainProcessIT::alive);
		assertThat(this.dir.resolve("run").resolve(DevstackMain.ENV_FILE)).doesNotExist();
		assertThat(this.dir.resolve("run").resolve(DevstackMain.PIDS_FILE)).doesNotExist();

		Process second = startCli();
		List<Long> again = childPids();
		List<ProcessHandle> javaChildren = again.stream()
			.map(ProcessHandle::of)
			.flatMap(Optional::stream)
			.filter((child) -> child.info().command().orElse("").endsWith("java"))
			.toList();
		try {
			second.destroyForcibly();
			assertThat(javaChildren).hasSize(2);
			for (ProcessHandle child : javaChildren) {
				child.onExit().get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			// Redis and Mosquitto have no parent watch: a launcher cleans them up from
			// the pids file, as here.
			again.forEach((pid) -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
		}
		assertThat(javaChildren).noneMatch(ProcessHandle::isAlive);
	}

	private Process startCli() throws Exception {
		Path target = Path.of("target").toAbsolutePath();
		Path jar;
		try (Stream<Path> files = Files.list(target)) {
			jar = files.filter((file) -> file.getFileName().toString().matches("devstack-[^-]+(-SNAPSHOT)?\\.jar"))
				.findFirst()
				.orElseThrow();
		}
		List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx256m", "-cp",
				jar + ":" + target.resolve("lib") + "/*", "dev.vigil.devstack.DevstackMain", "up", "--data-dir",
				this.dir.resolve("data").toString(), "--run-dir", this.dir.resolve("run").toString(), "--log-dir",
				this.dir.resolve("logs").toString()));
		for (String flag : List.of("--kafka-port", "--kafka-controller-port", "--redis-port", "--s3-port",
				"--mongo-port", "--mqtt-port")) {
			command.addAll(List.of(flag, String.valueOf(Ports.free())));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			seen.append(line).append('\n');
			if (line.equals(DevstackMain.READY_LINE)) {
				// Keep draining so the CLI never blocks on a full pipe.
				Thread.ofVirtual().start(() -> output.lines().forEach((ignored) -> {
				}));
				return process;
			}
		}
		throw new AssertionError("devstack CLI exited before it was ready:\n" + seen);
	}

	private List<Long> childPids() throws Exception {
		return Files.readAllLines(this.dir.resolve("run").resolve(DevstackMain.PIDS_FILE))
			.stream()
			.map(Long::valueOf)
			.toList();
	}

	private static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

}
