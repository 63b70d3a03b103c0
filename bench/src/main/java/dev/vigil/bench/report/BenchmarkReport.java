package dev.vigil.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The benchmarks document: one section per benchmark between markers, so that running one
 * benchmark replaces its own figures and leaves the others alone.
 */
public final class BenchmarkReport {

	private static final String HEADER = """
			# Vigil benchmarks

			Every figure below was written by `./vigil bench`, not typed: each section names the
			command that produced it, the machine, the date, and the baseline measured in the same
			run. Rerun a section with its command; `./vigil bench full` reruns everything.
			""";

	private final Path file;

	public BenchmarkReport(Path file) {
		this.file = file;
	}

	public Path file() {
		return this.file;
	}

	/**
	 * Replaces (or appends) one benchmark's section.
	 * @param name section id, e.g. {@code ingest}
	 * @param title heading
	 * @param command the command that reproduces it
	 * @param machine the machine description
	 * @param body markdown with the results
	 * @throws IOException if the document cannot be written
	 */
	public void write(String name, String title, String command, String machine, String body) throws IOException {
		String start = "<!-- bench:" + name + ":start -->";
		String end = "<!-- bench:" + name + ":end -->";
		String section = start + "\n## " + title + "\n\n" + "- command: `" + command + "`\n" + "- date: "
				+ DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).withNano(0)) + " UTC\n"
				+ "- machine: " + machine + "\n\n" + body.strip() + "\n" + end;
		String document = Files.exists(this.file) ? Files.readString(this.file) : HEADER;
		int from = document.indexOf(start);
		int to = document.indexOf(end);
		if (from >= 0 && to > from) {
			document = document.substring(0, from) + section + document.substring(to + end.length());
		}
		else {
			document = document.stripTrailing() + "\n\n" + section + "\n";
		}
		Files.createDirectories(this.file.toAbsolutePath().getParent());
		Files.writeString(this.file, document);
	}

	/**
	 * A markdown table.
	 * @param header column names
	 * @param rows cells
	 * @return the table
	 */
	public static String table(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		out.append("| ").append(String.join(" | ", header)).append(" |\n");
		out.append("|").append("---|".repeat(header.size())).append('\n');
		for (List<String> row : rows) {
			out.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		return out.toString();
	}

}
