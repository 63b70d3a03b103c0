package dev.vigil.ui.notifications;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The rule form as typed: time windows as text ({@code 08:00-18:00, 20:00-23:00}), the
 * minimum confidence in percent. Turns into notification-service's rule request.
 *
 * @param name name
 * @param enabled whether it alerts
 * @param cameras chosen camera ids, empty for all
 * @param labels chosen labels
 * @param minConfidence percent, as typed
 * @param timeZone IANA zone
 * @param days armed windows per weekday, as typed; all empty means always armed
 * @param quietHours quiet windows, as typed
 * @param cooldownSeconds as typed
 * @param channels chosen channel ids
 */
record RuleForm(String name, boolean enabled, List<String> cameras, List<String> labels, String minConfidence,
		String timeZone, Map<DayOfWeek, String> days, String quietHours, String cooldownSeconds,
		List<String> channels) {

	static final List<String> LABELS = List.of("person", "vehicle", "animal");

	private static final Pattern WINDOW = Pattern
		.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}:\\d{2})\\s*");

	static RuleForm empty(String zone) {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day, "");
		}
		return new RuleForm("", true, List.of(), List.of("person"), "50", zone, days, "", "300", List.of());
	}

	static RuleForm from(MultiValueMap<String, String> params) {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day, one(params, "day-" + day.name()));
		}
		return new RuleForm(one(params, "name"), params.containsKey("enabled"), all(params, "cameras"),
				all(params, "labels"), one(params, "minConfidence"), one(params, "timeZone"), days,
				one(params, "quietHours"), one(params, "cooldownSeconds"), all(params, "channels"));
	}

	static RuleForm of(NotificationsClient.Rule rule) {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			List<NotificationsClient.Window> windows = (rule.schedule() != null) ? rule.schedule().get(day.name())
					: null;
			days.put(day, (windows != null) ? text(windows) : "");
		}
		return new RuleForm(rule.name(), rule.enabled(), (rule.cameras() != null) ? rule.cameras() : List.of(),
				rule.labels(), String.valueOf(Math.round(rule.minConfidence() * 100)), rule.timeZone(), days,
				(rule.quietHours() != null) ? text(rule.quietHours()) : "", String.valueOf(rule.cooldownSeconds()),
				rule.channels());
	}

	/**
	 * The API's request, or null when the form itself has problems (then in errors).
	 * @param errors where problems go, by form field
	 * @return the request body
	 */
	@Nullable Map<String, Object> request(FormErrors errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name.strip());
		body.put("enabled", this.enabled);
		body.put("cameras", this.cameras);
		body.put("labels", this.labels);
		Double confidence = number(this.minConfidence);
		if (confidence == null || confidence < 0 || confidence > 100) {
			errors.add("minConfidence", "Minimum confidence must be a number from 0 to 100 (percent).");
		}
		else {
			body.put("minConfidence", confidence / 100);
		}
		String zone = this.timeZone.isBlank() ? "UTC" : this.timeZone.strip();
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			errors.add("timeZone", "Not a known time zone: " + zone + " (e.g. Europe/Berlin).");
		}
		body.put("timeZone", zone);
		Map<String, List<Map<String, String>>> schedule = new LinkedHashMap<>();
		boolean armedSomewhen = false;
		for (Map.Entry<DayOfWeek, String> day : this.days.entrySet()) {
			List<Map<String, String>> windows = windows(day.getValue(), "schedule." + day.getKey().name(), errors);
			armedSomewhen |= !windows.isEmpty();
			schedule.put(day.getKey().name(), windows);
		}
		if (armedSomewhen) {
			body.put("schedule", schedule);
		}
		body.put("quietHours", windows(this.quietHours, "quietHours", errors));
		Double cooldown = number(this.cooldownSeconds);
		if (cooldown == null || cooldown != Math.floor(cooldown)) {
			errors.add("cooldownSeconds", "Cooldown must be a whole number of seconds (0 to 86400).");
		}
		else {
			body.put("cooldownSeconds", cooldown.longValue());
		}
		body.put("channels", this.channels);
		return errors.isEmpty() ? body : null;
	}

	static List<Map<String, String>> windows(String text, String field, FormErrors errors) {
		List<Map<String, String>> windows = new ArrayList<>();
		if (text.isBlank()) {
			return windows;
		}
		for (String part : text.split(",")) {
			Matcher window = WINDOW.matcher(part);
			if (!window.matches()) {
				errors.add(field, "'" + part.strip() + "' is not a time span like 08:00-18:00.");
				continue;
			}
			Map<String, String> span = new LinkedHashMap<>();
			span.put("from", pad(window.group(1)));
			span.put("to", pad(window.group(2)));
			windows.add(span);
		}
		return windows;
	}

	private static String pad(String time) {
		return (time.indexOf(':') == 1) ? "0" + time : time;
	}

	static String text(List<NotificationsClient.Window> windows) {
		return String.join(", ", windows.stream().map(NotificationsClient.Window::toString).toList());
	}

	private static @Nullable Double number(String text) {
		try {
			double value = Double.parseDouble(text.strip());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String one(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

	static List<String> all(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return (values != null) ? values.stream().filter((v) -> !v.isBlank()).toList() : List.of();
	}

}
