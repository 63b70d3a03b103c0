package dev.vigil.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, bounded in time, keeping stdout and stderr apart. */
final class Processes {

	record Result(int exitCode, String stdout, String stderr) {
	}

	private Processes() {
	}

	static Result run(Path workDir, List<String> command, long timeoutSeconds) {
		try {
			Path out = Files.createTempFile("vigil-deploy", ".out");
			Path err = Files.createTempFile("vigil-deploy", ".err");
			try {
				Process process = new ProcessBuilder(command).directory(workDir.toFile())
					.redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.start();
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
				}
				return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
						Files.readString(err, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
		}
	}

}
