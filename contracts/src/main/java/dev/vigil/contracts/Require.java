package dev.vigil.contracts;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Field checks shared by the event records' constructors.
 */
final class Require {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private Require() {
	}

	static <T> T present(@Nullable T value, String field) {
		if (value == null) {
			throw new InvalidEventException(field, "is required");
		}
		return value;
	}

	static String text(@Nullable String value, String field) {
		if (present(value, field).isBlank()) {
			throw new InvalidEventException(field, "must not be blank");
		}
		return value;
	}

	static String sha256(@Nullable String value, String field) {
		if (!SHA256.matcher(present(value, field)).matches()) {
			throw new InvalidEventException(field, "must be 64 lower-case hex characters (SHA-256)");
		}
		return value;
	}

	/**
	 * Identifiers end up in object keys and metric tags, so they are kept to a safe
	 * alphabet.
	 */
	static String identifier(@Nullable String value, String field) {
		if (!Identifiers.isValid(present(value, field))) {
			throw new InvalidEventException(field,
					"must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return value;
	}

	static String objectKey(@Nullable String value, String field) {
		String key = text(value, field);
		if (key.startsWith("/") || key.contains("..") || key.contains("\\") || key.indexOf('\0') >= 0
				|| key.length() > 1024) {
			throw new InvalidEventException(field, "must be a relative object key without '..', '\\' or NUL");
		}
		return key;
	}

	static int schemaVersion(@Nullable Integer value) {
		// Absent means the first version: events written before the field existed.
		if (value == null) {
			return 1;
		}
		if (value < 1) {
			throw new InvalidEventException("schemaVersion", "must be positive");
		}
		return value;
	}

	static long atLeast(@Nullable Long value, long minimum, String field) {
		if (present(value, field) < minimum) {
			throw new InvalidEventException(field, "must be at least " + minimum);
		}
		return value;
	}

}
