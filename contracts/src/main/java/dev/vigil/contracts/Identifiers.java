package dev.vigil.contracts;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for camera ids (and the ids that share their alphabet: edge node ids,
 * camera login names): 1-64 letters, digits, {@code .}, {@code _} or {@code -}, starting
 * with a letter or digit. Ids end up in object keys, Kafka keys, MQTT topics and metric
 * tags, so they are kept to this safe alphabet everywhere.
 */
public final class Identifiers {

	/** The rule as a regular expression, e.g. for {@code @Pattern(regexp = ...)}. */
	public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private Identifiers() {
	}

	/**
	 * Whether a value follows the rule.
	 * @param value the candidate, may be null
	 * @return true when it is a valid id
	 */
	public static boolean isValid(@Nullable String value) {
		return value != null && COMPILED.matcher(value).matches();
	}

}
