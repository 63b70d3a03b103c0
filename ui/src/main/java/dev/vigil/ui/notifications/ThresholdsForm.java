package dev.vigil.ui.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The system thresholds as typed; an empty field means the configured default.
 *
 * @param cameraSilentAfterMinutes minutes
 * @param edgeSpoolWarningMb MB
 * @param edgeMinFreeDiskMb MB
 * @param deadLetterQuietAfterMinutes minutes
 * @param serviceFailures checks in a row
 */
record ThresholdsForm(String cameraSilentAfterMinutes, String edgeSpoolWarningMb, String edgeMinFreeDiskMb,
		String deadLetterQuietAfterMinutes, String serviceFailures) {

	static ThresholdsForm of(NotificationsClient.Thresholds set) {
		return new ThresholdsForm(text(set.cameraSilentAfterMinutes()), text(set.edgeSpoolWarningMb()),
				text(set.edgeMinFreeDiskMb()), text(set.deadLetterQuietAfterMinutes()), text(set.serviceFailures()));
	}

	static ThresholdsForm from(MultiValueMap<String, String> params) {
		return new ThresholdsForm(RuleForm.one(params, "cameraSilentAfterMinutes"),
				RuleForm.one(params, "edgeSpoolWarningMb"), RuleForm.one(params, "edgeMinFreeDiskMb"),
				RuleForm.one(params, "deadLetterQuietAfterMinutes"), RuleForm.one(params, "serviceFailures"));
	}

	/**
	 * The API's request (null values = default), or null when a field is not a whole
	 * number (then in errors).
	 * @param errors where problems go, by form field
	 * @return the request body
	 */
	@Nullable Map<String, Object> request(FormErrors errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("cameraSilentAfterMinutes", number("cameraSilentAfterMinutes", this.cameraSilentAfterMinutes, errors));
		body.put("edgeSpoolWarningMb", number("edgeSpoolWarningMb", this.edgeSpoolWarningMb, errors));
		body.put("edgeMinFreeDiskMb", number("edgeMinFreeDiskMb", this.edgeMinFreeDiskMb, errors));
		body.put("deadLetterQuietAfterMinutes",
				number("deadLetterQuietAfterMinutes", this.deadLetterQuietAfterMinutes, errors));
		body.put("serviceFailures", number("serviceFailures", this.serviceFailures, errors));
		return errors.isEmpty() ? body : null;
	}

	private static @Nullable Long number(String field, String text, FormErrors errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(field, "'" + text.strip() + "' is not a whole number (leave it empty for the default).");
			return null;
		}
	}

	private static String text(@Nullable Number value) {
		return (value != null) ? value.toString() : "";
	}

}
