package dev.vigil.notify.rule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.contracts.Identifiers;
import dev.vigil.notify.channel.ChannelDirectory;
import dev.vigil.notify.delivery.SystemConditions;
import dev.vigil.notify.web.ApiException;
import dev.vigil.notify.web.ApiException.FieldError;

/**
 * {@code /api/v1/notifications/rules}: create, list, read, replace, delete. Every field
 * is checked and all problems are answered at once (400 with {@code errors}).
 */
@RestController
@RequestMapping("/api/v1/notifications/rules")
class RuleController {

	private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

	/** The collection where notification-service tracks events (cameras seen). */
	private static final String TRACKED_EVENTS = "motion_events";

	/** The collection where the system checks keep the cameras they watch. */
	private static final String WATCHED_CAMERAS = "system_cameras";

	private static final long MAX_COOLDOWN_SECONDS = 86_400;

	private final MongoTemplate mongo;

	private final ChannelDirectory channels;

	private final RuleProperties properties;

	private final Clock clock = Clock.systemUTC();

	RuleController(MongoTemplate mongo, ChannelDirectory channels, RuleProperties properties) {
		this.mongo = mongo;
		this.channels = channels;
		this.properties = properties;
	}

	/**
	 * A rule as sent.
	 *
	 * @param name name
	 * @param enabled default true
	 * @param cameras camera ids, empty or absent for all
	 * @param labels labels, at least one
	 * @param minConfidence 0 to 1, default 0.5
	 * @param timeZone IANA zone, default UTC
	 * @param schedule weekday ({@code MONDAY}…) to armed windows; absent = always
	 * @param quietHours daily windows without alerts
	 * @param cooldownSeconds 0 to 86400, default 300
	 * @param channels channel ids, at least one
	 * @param kind {@code EVENT} (default) or {@code SYSTEM}
	 * @param conditions a system rule's conditions, absent or empty for all
	 */
	record RuleRequest(@Nullable String name, @Nullable Boolean enabled, @Nullable List<String> cameras,
			@Nullable List<String> labels, @Nullable Double minConfidence, @Nullable String timeZone,
			@Nullable Map<String, List<TimeWindow>> schedule, @Nullable List<TimeWindow> quietHours,
			@Nullable Long cooldownSeconds, @Nullable List<String> channels, @Nullable RuleKind kind,
			@Nullable List<String> conditions) {

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RuleView create(@RequestBody RuleRequest request) {
		Rule rule = validated(UUID.randomUUID().toString(), request);
		this.mongo.insert(rule);
		return RuleView.of(rule);
	}

	@GetMapping
	List<RuleView> list() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), Rule.class).stream().map(RuleView::of).toList();
	}

	@GetMapping("/{id}")
	RuleView get(@PathVariable String id) {
		return RuleView.of(find(id));
	}

	@PutMapping("/{id}")
	RuleView replace(@PathVariable String id, @RequestBody RuleRequest request) {
		Rule existing = find(id);
		Rule rule = validated(existing.id(), request);
		Rule kept = new Rule(rule.id(), rule.name(), rule.enabled(), rule.cameras(), rule.labels(),
				rule.minConfidence(), rule.timeZone(), rule.schedule(), rule.quietHours(), rule.cooldownSeconds(),
				rule.channels(), existing.createdAt(), rule.kind(), rule.conditions());
		this.mongo.save(kept);
		return RuleView.of(kept);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		this.mongo.remove(find(id));
	}

	private Rule find(String id) {
		Rule rule = this.mongo.findById(id, Rule.class);
		if (rule == null) {
			throw ApiException.notFound("rule", id);
		}
		return rule;
	}

	private Rule validated(String id, RuleRequest request) {
		List<FieldError> errors = new ArrayList<>();
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new FieldError("name", "must be 1-100 characters"));
		}
		List<String> cameras = (request.cameras() != null) ? request.cameras() : List.of();
		Set<String> known = new LinkedHashSet<>(
				this.mongo.findDistinct(new Query(), "cameraId", TRACKED_EVENTS, String.class));
		known.addAll(this.mongo.findDistinct(new Query(), "_id", WATCHED_CAMERAS, String.class));
		for (int i = 0; i < cameras.size(); i++) {
			String camera = cameras.get(i);
			if (camera == null || !Identifiers.isValid(camera)) {
				errors.add(new FieldError("cameras[" + i + "]", "is not a camera id"));
			}
			else if (!known.contains(camera)) {
				errors.add(new FieldError("cameras[" + i + "]",
						"unknown camera '" + camera + "' (nothing seen from it yet; leave cameras empty for all)"));
			}
		}
		RuleKind kind = (request.kind() != null) ? request.kind() : RuleKind.EVENT;
		List<String> labels = (request.labels() != null) ? request.labels() : List.of();
		Set<String> allowed = new LinkedHashSet<>(this.properties.labels());
		if (labels.isEmpty() && kind == RuleKind.EVENT) {
			errors.add(new FieldError("labels", "needs at least one label, e.g. person"));
		}
		if (!labels.isEmpty() && kind == RuleKind.SYSTEM) {
			errors.add(new FieldError("labels", "a system rule has no labels; choose conditions instead"));
		}
		List<String> conditions = (request.conditions() != null) ? request.conditions() : List.of();
		if (!conditions.isEmpty() && kind == RuleKind.EVENT) {
			errors.add(new FieldError("conditions", "only a system rule has conditions"));
		}
		for (int i = 0; i < conditions.size(); i++) {
			if (!SystemConditions.ALL.contains(conditions.get(i))) {
				errors.add(new FieldError("conditions[" + i + "]",
						"unknown condition '" + conditions.get(i) + "' (known: " + SystemConditions.ALL + ")"));
			}
		}
		for (int i = 0; i < labels.size(); i++) {
			String label = labels.get(i);
			if (label == null || !allowed.contains(label.toLowerCase(Locale.ROOT))) {
				errors
					.add(new FieldError("labels[" + i + "]", "unknown label '" + label + "' (known: " + allowed + ")"));
			}
		}
		double minConfidence = (request.minConfidence() != null) ? request.minConfidence() : 0.5;
		if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
			errors.add(new FieldError("minConfidence", "must be between 0 and 1"));
		}
		String zone = (request.timeZone() != null) ? request.timeZone() : "UTC";
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("timeZone", "'" + zone + "' is not a time zone (e.g. Europe/Berlin)"));
		}
		Map<DayOfWeek, List<TimeWindow>> schedule = null;
		if (request.schedule() != null) {
			schedule = new EnumMap<>(DayOfWeek.class);
			for (Map.Entry<String, List<TimeWindow>> day : request.schedule().entrySet()) {
				DayOfWeek weekday;
				try {
					weekday = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new FieldError("schedule." + day.getKey(), "is not a weekday (MONDAY … SUNDAY)"));
					continue;
				}
				List<TimeWindow> windows = (day.getValue() != null) ? day.getValue() : List.of();
				windows(errors, "schedule." + weekday, windows);
				schedule.put(weekday, windows);
			}
			if (schedule.values().stream().allMatch(List::isEmpty) && errors.isEmpty()) {
				errors.add(new FieldError("schedule", "is never armed; leave it out to be always armed"));
			}
		}
		List<TimeWindow> quiet = (request.quietHours() != null) ? request.quietHours() : List.of();
		windows(errors, "quietHours", quiet);
		long cooldown = (request.cooldownSeconds() != null) ? request.cooldownSeconds() : 300;
		if (cooldown < 0 || cooldown > MAX_COOLDOWN_SECONDS) {
			errors.add(new FieldError("cooldownSeconds", "must be 0-86400"));
		}
		List<String> channelIds = (request.channels() != null) ? request.channels() : List.of();
		if (channelIds.isEmpty()) {
			errors.add(new FieldError("channels", "needs at least one channel"));
		}
		else if (channelIds.stream().anyMatch((c) -> c == null)) {
			errors.add(new FieldError("channels", "must not contain null"));
		}
		else {
			for (String missing : this.channels.missing(channelIds)) {
				errors.add(new FieldError("channels", "unknown channel '" + missing + "'"));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		return new Rule(id, name, request.enabled() == null || request.enabled(), List.copyOf(cameras),
				labels.stream().map((l) -> l.toLowerCase(Locale.ROOT)).toList(), minConfidence, zone, schedule,
				List.copyOf(quiet), cooldown, List.copyOf(channelIds), this.clock.instant(), kind,
				List.copyOf(conditions));
	}

	private static void windows(List<FieldError> errors, String field, List<TimeWindow> windows) {
		for (int i = 0; i < windows.size(); i++) {
			TimeWindow window = windows.get(i);
			String at = field + "[" + i + "]";
			if (window == null || window.from() == null || window.to() == null) {
				errors.add(new FieldError(at, "needs from and to (HH:mm)"));
				continue;
			}
			boolean fromOk = HH_MM.matcher(window.from()).matches() && !TimeWindow.END_OF_DAY.equals(window.from());
			boolean toOk = HH_MM.matcher(window.to()).matches();
			if (!fromOk) {
				errors.add(new FieldError(at + ".from", "'" + window.from() + "' is not a time of day (00:00-23:59)"));
			}
			if (!toOk) {
				errors.add(new FieldError(at + ".to", "'" + window.to() + "' is not a time of day (00:00-24:00)"));
			}
			if (fromOk && toOk && window.from().equals(window.to())) {
				errors.add(new FieldError(at, "is empty: from and to are both " + window.from()));
			}
		}
	}

}
