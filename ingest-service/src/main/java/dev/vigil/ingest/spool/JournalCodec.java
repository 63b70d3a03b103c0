package dev.vigil.ingest.spool;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.CRC32C;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import org.jspecify.annotations.Nullable;

/**
 * One journal line per entry: {@code <crc32c> <payload>\n}, the CRC32C (8 lower-case hex
 * digits) of the payload's UTF-8 bytes. Payloads are space-separated fields, each
 * percent-encoded so that it holds no space, newline or {@code %}:
 * <ul>
 * <li>{@code H vigil-spool-journal 1}: first line of every journal file (format
 * version);</li>
 * <li>{@code P <seq> <eventId> <camera> <sha256> <size> <contentType> <ext> <kind>
 * <capturedAt|-> <captureSource|-> <receivedAt> <originalPath>}: an upload was taken
 * (instants as ISO-8601);</li>
 * <li>{@code D <seq>}: that item was published and is forgotten;</li>
 * <li>{@code T <millis> <camera> <sha256>}: a pair remembered for the dedup window
 * (written only when the journal is compacted).</li>
 * </ul>
 * A line that is cut short or whose CRC does not match decodes to {@code null}.
 */
final class JournalCodec {

	static final String HEADER = "H vigil-spool-journal 1";

	private JournalCodec() {
	}

	/** What one valid line says. */
	sealed interface Entry {

	}

	record Header(int version) implements Entry {
	}

	record Put(SpoolRecord record) implements Entry {
	}

	record Done(long seq) implements Entry {
	}

	record Taken(long millis, String cameraId, String sha256) implements Entry {
	}

	static String put(SpoolRecord r) {
		StringBuilder line = new StringBuilder(256).append("P ").append(r.seq()).append(' ').append(r.eventId());
		field(line, r.cameraId());
		field(line, r.sha256());
		line.append(' ').append(r.sizeBytes());
		field(line, r.contentType());
		field(line, r.extension());
		field(line, r.kind().name());
		field(line, (r.capturedAt() != null) ? r.capturedAt().toString() : "-");
		field(line, (r.capturedAtSource() != null) ? r.capturedAtSource().name() : "-");
		field(line, r.receivedAt().toString());
		field(line, r.originalPath());
		return line.toString();
	}

	static String done(long seq) {
		return "D " + seq;
	}

	static String taken(long millis, String cameraId, String sha256) {
		StringBuilder line = new StringBuilder(96).append("T ").append(millis);
		field(line, cameraId);
		field(line, sha256);
		return line.toString();
	}

	/** The framed line (CRC, payload, newline) as bytes. */
	static byte[] frame(String payload) {
		byte[] body = payload.getBytes(StandardCharsets.UTF_8);
		byte[] line = new byte[body.length + 10];
		CRC32C crc = new CRC32C();
		crc.update(body);
		long value = crc.getValue();
		for (int i = 7; i >= 0; i--) {
			line[i] = (byte) Character.forDigit((int) (value & 0xF), 16);
			value >>>= 4;
		}
		line[8] = ' ';
		System.arraycopy(body, 0, line, 9, body.length);
		line[line.length - 1] = '\n';
		return line;
	}

	/**
	 * Decode one line (without its newline).
	 * @return the entry, or {@code null} when the line is torn or corrupt
	 */
	static @Nullable Entry decode(byte[] bytes, int offset, int length) {
		if (length < 10 || bytes[offset + 8] != ' ') {
			return null;
		}
		long expected;
		try {
			expected = Long.parseLong(new String(bytes, offset, 8, StandardCharsets.US_ASCII), 16);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		CRC32C crc = new CRC32C();
		crc.update(bytes, offset + 9, length - 9);
		if (crc.getValue() != expected) {
			return null;
		}
		String[] f = new String(bytes, offset + 9, length - 9, StandardCharsets.UTF_8).split(" ", -1);
		try {
			return switch (f[0]) {
				case "H" -> new Header(Integer.parseInt(f[2]));
				case "P" ->
					new Put(new SpoolRecord(Long.parseLong(f[1]), UUID.fromString(f[2]), unescape(f[3]), unescape(f[4]),
							Long.parseLong(f[5]), unescape(f[6]), unescape(f[7]), MediaKind.valueOf(unescape(f[8])),
							unescape(f[12]), f[9].equals("-") ? null : Instant.parse(unescape(f[9])),
							f[10].equals("-") ? null : CaptureTimeSource.valueOf(unescape(f[10])),
							Instant.parse(unescape(f[11]))));
				case "D" -> new Done(Long.parseLong(f[1]));
				case "T" -> new Taken(Long.parseLong(f[1]), unescape(f[2]), unescape(f[3]));
				default -> null;
			};
		}
		catch (RuntimeException ex) {
			// A valid CRC over fields this version cannot read: treated as corrupt.
			return null;
		}
	}

	private static void field(StringBuilder line, String value) {
		line.append(' ');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
				line.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
			}
			else {
				line.append(c);
			}
		}
	}

	private static String unescape(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length()) {
				out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
