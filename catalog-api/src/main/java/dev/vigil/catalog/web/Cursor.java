package dev.vigil.catalog.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A position in a newest-first listing: the sort time and id of the last item returned.
 * The next page holds strictly older items (ties broken by id), so inserts of newer items
 * never shift it. Opaque to clients (URL-safe Base64) and strictly parsed.
 *
 * @param time sort time of the last item returned
 * @param id id of the last item returned
 */
public record Cursor(Instant time, String id) {

	private static final Pattern FORM = Pattern.compile("(-?[0-9]{1,19}):([A-Za-z0-9._-]{1,130})");

	public String encode() {
		String plain = this.time.toEpochMilli() + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Reads a cursor a client sent back.
	 * @param text the cursor, or null for the first page
	 * @return the cursor, or null for the first page
	 * @throws ApiException when the text is not a cursor this API wrote
	 */
	public static @Nullable Cursor decode(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		// Room for the longest id (camera.sha256, 129) after the longest time.
		if (text.length() > 200) {
			throw invalid();
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
			Matcher matcher = FORM.matcher(plain);
			if (!matcher.matches()) {
				throw invalid();
			}
			return new Cursor(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))), matcher.group(2));
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw invalid();
		}
	}

	private static ApiException invalid() {
		return new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
				"cursor is not a value returned by this API");
	}

}
