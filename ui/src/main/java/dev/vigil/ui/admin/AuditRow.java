package dev.vigil.ui.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.vigil.ui.catalog.AuditEntry;

/**
 * An audit entry as people read it: the action in words, an API client by its name, and
 * details as "label: value" instead of internals such as
 * {@code Retention[imageMaxAgeDays=30, ...]} or nested maps.
 *
 * @param at when
 * @param actor who (an API client's name when it is one)
 * @param action the action code, for the filter
 * @param actionLabel the action in words
 * @param target what it was done to (an API client's name when it is one)
 * @param details readable label and value pairs
 */
record AuditRow(Instant at, String actor, String action, String actionLabel, @Nullable String target,
		List<Detail> details) {

	/** The account actions identity-service records, in words. */
	static final Map<String, String> ACCOUNT_ACTIONS = accountActions();

	/** The actions catalog-api and identity-service record, in words, for the filter. */
	static final Map<String, String> ACTIONS = actions();

	private static final Pattern RECORD = Pattern.compile("[A-Z][A-Za-z]*\\[(.*)]");

	static AuditRow of(AuditEntry entry, Map<String, String> clientNames) {
		List<Detail> details = new ArrayList<>();
		entry.details().forEach((key, value) -> flatten(key, value, details));
		return new AuditRow(entry.at(), clientNames.getOrDefault(entry.actor(), entry.actor()), entry.action(),
				ACTIONS.getOrDefault(entry.action(), entry.action()),
				(entry.target() != null) ? clientNames.getOrDefault(entry.target(), entry.target()) : null, details);
	}

	private static void flatten(String key, @Nullable Object value, List<Detail> details) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((inner, innerValue) -> flatten(String.valueOf(inner), innerValue, details));
			return;
		}
		if (value instanceof String text) {
			Matcher record = RECORD.matcher(text);
			if (record.matches()) {
				for (String part : record.group(1).split(", ")) {
					int equals = part.indexOf('=');
					if (equals > 0) {
						flatten(part.substring(0, equals), part.substring(equals + 1), details);
					}
				}
				return;
			}
		}
		details.add(new Detail(words(key), readable(value)));
	}

	private static String readable(@Nullable Object value) {
		if (value == null || "null".equals(value)) {
			return "default";
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof Boolean yes) {
			return yes ? "yes" : "no";
		}
		return String.valueOf(value);
	}

	/** {@code imageMaxAgeDays} → "image max age days". */
	static String words(String key) {
		String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
		return spaced.substring(0, 1).toUpperCase() + spaced.substring(1);
	}

	private static Map<String, String> actions() {
		Map<String, String> actions = new LinkedHashMap<>();
		actions.put("camera.updated", "Camera settings changed");
		actions.put("media.deleted", "Media deleted");
		actions.put("media.held", "Legal hold placed on media");
		actions.put("media.released", "Legal hold lifted from media");
		actions.put("event.held", "Legal hold placed on event");
		actions.put("event.released", "Legal hold lifted from event");
		actions.put("detection.feedback", "Detection feedback");
		actions.put("retention.run", "Retention run");
		actions.putAll(ACCOUNT_ACTIONS);
		return actions;
	}

	private static Map<String, String> accountActions() {
		Map<String, String> actions = new LinkedHashMap<>();
		actions.put("account.signed-in", "Signed in");
		actions.put("account.sign-in-failed", "Sign-in failed");
		actions.put("account.locked-out", "Sign-in locked out");
		actions.put("account.password-changed", "Password changed");
		actions.put("user.created", "User created");
		actions.put("user.updated", "User roles or cameras changed");
		actions.put("user.deleted", "User deleted");
		actions.put("client.created", "API client created");
		actions.put("client.secret-rotated", "API client secret rotated");
		actions.put("client.revoked", "API client revoked");
		actions.put("signing-key.rotated", "Signing key rotated");
		actions.put("token.issued", "Token issued");
		return actions;
	}

	/**
	 * One readable detail.
	 *
	 * @param label what
	 * @param value its value
	 */
	record Detail(String label, String value) {

	}

}
