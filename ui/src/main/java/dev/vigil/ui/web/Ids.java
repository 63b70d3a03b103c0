package dev.vigil.ui.web;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import dev.vigil.contracts.Identifiers;

/**
 * The identifier shapes catalog-api accepts. Checked here too, so a crafted path never
 * reaches a backend URL (no traversal, no query smuggling) and gets a plain 404.
 */
public final class Ids {

	public static final Pattern CAMERA = Pattern.compile(Identifiers.PATTERN);

	/**
	 * {@code <cameraId>.<sha256>}, or a bare SHA-256 (catalog-api resolves it within
	 * scope).
	 */
	public static final Pattern MEDIA = Pattern.compile("(?:" + Identifiers.PATTERN + "\\.)?[0-9a-f]{64}");

	public static final Pattern EVENT = Pattern.compile(Identifiers.PATTERN + "\\.[0-9]{1,15}");

	public static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,200}");

	private Ids() {
	}

	public static String require(Pattern pattern, String value) {
		if (!pattern.matcher(value).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return value;
	}

	/** An optional filter value: blank means none, a malformed one is a bad request. */
	public static @Nullable String optional(Pattern pattern, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!pattern.matcher(value).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed parameter");
		}
		return value;
	}

}
