package dev.vigil.ui.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.ui.catalog.CatalogException;

/**
 * What was wrong with a submitted form, per form field, from the UI's own checks and the
 * API's problem {@code errors} ({@code labels[0]} and {@code schedule.MONDAY[1].from} go
 * to the {@code labels} and {@code schedule.MONDAY} fields).
 */
final class FormErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	void add(String field, String problem) {
		this.byField.merge(key(field), problem, (a, b) -> a + "; " + b);
	}

	void addAll(List<CatalogException.FieldError> errors) {
		errors.forEach((error) -> add(error.field(), fieldName(error.field()) + " " + error.problem()));
	}

	boolean isEmpty() {
		return this.byField.isEmpty();
	}

	Map<String, String> byField() {
		return this.byField;
	}

	/** Whether an API answer is one to show on the form (the request was refused). */
	static boolean refusal(CatalogException ex) {
		return ex.status() == 400 || ex.status() == 409 || ex.status() == 422;
	}

	private static String key(String field) {
		int end = field.indexOf('[');
		return (end < 0) ? field : field.substring(0, end);
	}

	private static String fieldName(String field) {
		return field.replace("schedule.", "")
			.replace("cooldownSeconds", "cooldown")
			.replace("minConfidence", "minimum confidence");
	}

}
