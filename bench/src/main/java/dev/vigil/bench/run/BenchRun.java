package dev.vigil.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vigil.bench.report.BenchmarkReport;
import dev.vigil.bench.report.Machine;
import dev.vigil.bench.sim.MediaPool;

/**
 * What a benchmark run gets: its size, where to work, the real test media and the report.
 *
 * @param quick the quick size ({@code ./vigil bench quick}: minutes for everything)
 * instead of the full one
 * @param root the repository root
 * @param work a fresh directory for this benchmark's data and logs
 * @param media the real test media directory ({@code .vigil/media})
 * @param report the benchmarks document
 * @param command the command that reproduces this run, for the report
 */
public record BenchRun(boolean quick, Path root, Path work, Path media, BenchmarkReport report, String command) {

	/**
	 * The real test media, loaded.
	 * @return the pool
	 */
	public MediaPool mediaPool() {
		return MediaPool.load(this.media);
	}

	/**
	 * Writes the benchmark's section of the report with the command, date and machine.
	 * @param name section id
	 * @param title heading
	 * @param body markdown
	 * @throws IOException if it cannot be written
	 */
	public void write(String name, String title, String body) throws IOException {
		this.report.write(name, title, this.command, Machine.describe(this.work), body);
	}

	/**
	 * A file next to the report (plots), relative to the report's directory.
	 * @param name e.g. {@code benchmarks/e2e-latency.svg}
	 * @return the path, its directory created
	 * @throws IOException if the directory cannot be created
	 */
	public Path asset(String name) throws IOException {
		Path file = this.report.file().toAbsolutePath().getParent().resolve(name);
		Files.createDirectories(file.getParent());
		return file;
	}

}
