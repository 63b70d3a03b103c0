package dev.vigil.ui.notifications;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The system rule form: which conditions (none ticked: all), which cameras for
 * {@code camera-silent}, quiet hours, which channels. Turns into notification-service's
 * rule request of kind {@code SYSTEM}.
 *
 * @param name name
 * @param enabled whether it alerts
 * @param conditions chosen conditions, empty for all
 * @param cameras chosen camera ids, empty for all
 * @param timeZone IANA zone of the quiet hours
 * @param quietHours quiet windows, as typed
 * @param channels chosen channel ids
 */
record SystemRuleForm(String name, boolean enabled, List<String> conditions, List<String> cameras, String timeZone,
		String quietHours, List<String> channels) {

	/** Condition → what people read. */
	static final Map<String, String> CONDITIONS = conditionNames();

	private static Map<String, String> conditionNames() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("camera-silent", "Camera silent");
		names.put("edge-backlog", "Edge spool backlog");
		names.put("edge-disk", "Edge low on disk");
		names.put("dead-letters", "Dead letters growing");
		names.put("service-down", "Service down");
		return names;
	}

	static SystemRuleForm empty(String zone) {
		return new SystemRuleForm("", true, List.of(), List.of(), zone, "", List.of());
	}

	static SystemRuleForm from(MultiValueMap<String, String> params) {
		return new SystemRuleForm(RuleForm.one(params, "name"), params.containsKey("enabled"),
				RuleForm.all(params, "conditions"), RuleForm.all(params, "cameras"), RuleForm.one(params, "timeZone"),
				RuleForm.one(params, "quietHours"), RuleForm.all(params, "channels"));
	}

	static SystemRuleForm of(NotificationsClient.Rule rule) {
		return new SystemRuleForm(rule.name(), rule.enabled(),
				(rule.conditions() != null) ? rule.conditions() : List.of(),
				(rule.cameras() != null) ? rule.cameras() : List.of(), rule.timeZone(),
				(rule.quietHours() != null) ? RuleForm.text(rule.quietHours()) : "", rule.channels());
	}

	/**
	 * The API's request, or null when the form itself has problems (then in errors).
	 * @param errors where problems go, by form field
	 * @return the request body
	 */
	@Nullable Map<String, Object> request(FormErrors errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "SYSTEM");
		body.put("name", this.name.strip());
		body.put("enabled", this.enabled);
		body.put("conditions", this.conditions);
		body.put("cameras", this.cameras);
		body.put("labels", List.of());
		String zone = this.timeZone.isBlank() ? "UTC" : this.timeZone.strip();
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			errors.add("timeZone", "Not a known time zone: " + zone + " (e.g. Europe/Berlin).");
		}
		body.put("timeZone", zone);
		body.put("quietHours", RuleForm.windows(this.quietHours, "quietHours", errors));
		body.put("channels", this.channels);
		return errors.isEmpty() ? body : null;
	}

}
