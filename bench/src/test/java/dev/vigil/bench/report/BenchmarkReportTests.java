package dev.vigil.bench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTests {

	@TempDir
	Path dir;

	@Test
	void replacesOnlyTheSectionOfTheBenchmarkThatRan() throws Exception {
		Path file = this.dir.resolve("benchmarks.md");
		BenchmarkReport report = new BenchmarkReport(file);
		report.write("ingest", "Ingest", "./vigil bench ingest", "m", "first ingest");
		report.write("e2e", "End to end", "./vigil bench e2e", "m", "e2e figures");
		report.write("ingest", "Ingest", "./vigil bench ingest", "m", "second ingest");

		String document = Files.readString(file);
		assertThat(document).startsWith("# Vigil benchmarks")
			.contains("second ingest", "e2e figures", "- command: `./vigil bench ingest`")
			.doesNotContain("first ingest");
		assertThat(document.indexOf("second ingest")).isLessThan(document.indexOf("e2e figures"));
	}

	@Test
	void rendersMarkdownTables() {
		assertThat(BenchmarkReport.table(List.of("a", "b"), List.of(List.of("1", "2"))))
			.isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |\n");
	}

	@Test
	void describesTheMachineFromTheRunningSystem() {
		assertThat(Machine.describe(this.dir)).contains("cores", "GiB RAM",
				"JDK " + System.getProperty("java.version"));
	}

}
