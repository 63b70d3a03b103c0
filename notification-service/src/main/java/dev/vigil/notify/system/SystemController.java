package dev.vigil.notify.system;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.notify.web.ApiException;
import dev.vigil.notify.web.ApiException.FieldError;

/**
 * {@code /api/v1/notifications/system}: the system checks' thresholds (defaults and what
 * an admin set), the cameras, edges' and services' watched subjects and every condition's
 * current state; {@code PUT /thresholds} changes the thresholds (null = back to the
 * default).
 */
@RestController
@RequestMapping("/api/v1/notifications/system")
class SystemController {

	private final MongoTemplate mongo;

	private final Thresholds thresholds;

	private final SystemProperties properties;

	SystemController(MongoTemplate mongo, Thresholds thresholds, SystemProperties properties) {
		this.mongo = mongo;
		this.thresholds = thresholds;
		this.properties = properties;
	}

	/**
	 * Thresholds as numbers.
	 *
	 * @param cameraSilentAfterMinutes silence threshold of cameras without their own (1
	 * min to 30 days)
	 * @param edgeSpoolWarningMb spool size above which an edge is backlogged (1 MB to 1
	 * TB)
	 * @param edgeMinFreeDiskMb free space below which an edge is low on disk (1 MB to 1
	 * TB)
	 * @param deadLetterQuietAfterMinutes no new dead letters this long = recovered (1 min
	 * to 1 day)
	 * @param serviceFailures failed health checks in a row before a service is down (1 to
	 * 100)
	 */
	record ThresholdValues(@Nullable Long cameraSilentAfterMinutes, @Nullable Long edgeSpoolWarningMb,
			@Nullable Long edgeMinFreeDiskMb, @Nullable Long deadLetterQuietAfterMinutes,
			@Nullable Integer serviceFailures) {

		static ThresholdValues of(Thresholds.InForce in) {
			return new ThresholdValues(in.cameraSilentAfter().toMinutes(), in.edgeSpoolWarning().toMegabytes(),
					in.edgeMinFreeDisk().toMegabytes(), in.deadLetterQuietAfter().toMinutes(), in.serviceFailures());
		}

		static ThresholdValues of(Thresholds.Overrides set) {
			return new ThresholdValues(set.cameraSilentAfterMinutes(), set.edgeSpoolWarningMb(),
					set.edgeMinFreeDiskMb(), set.deadLetterQuietAfterMinutes(), set.serviceFailures());
		}

	}

	/**
	 * A camera the silence check watches.
	 *
	 * @param camera camera id
	 * @param silentAfterMinutes its own threshold from the camera's settings, null = the
	 * default
	 * @param thresholdMinutes the threshold in force for it
	 * @param lastUpload its last upload, null before the first
	 * @param watched false while the camera is disabled
	 */
	record WatchedView(String camera, @Nullable Integer silentAfterMinutes, long thresholdMinutes,
			@Nullable Instant lastUpload, boolean watched) {

	}

	/**
	 * A watched service.
	 *
	 * @param name its name in alerts
	 * @param url its health URL
	 */
	record ServiceView(String name, URI url) {

	}

	/**
	 * One condition's state.
	 *
	 * @param condition e.g. {@code camera-silent}
	 * @param subject camera, edge node, topic or service
	 * @param failing whether it is bad now
	 * @param since when it took this state
	 * @param detail what was last measured
	 * @param changes how often it changed
	 */
	record ConditionView(String condition, String subject, boolean failing, Instant since, String detail,
			long changes) {

	}

	/**
	 * The whole picture.
	 *
	 * @param enabled whether the checks run at all
	 * @param checkIntervalSeconds how often silence, dead letters and health are checked
	 * @param thresholds in force
	 * @param defaults from the configuration
	 * @param set what an admin set (null fields = default)
	 * @param cameras watched cameras
	 * @param services watched services
	 * @param conditions every condition, failing first
	 */
	record SystemView(boolean enabled, long checkIntervalSeconds, ThresholdValues thresholds, ThresholdValues defaults,
			ThresholdValues set, List<WatchedView> cameras, List<ServiceView> services,
			List<ConditionView> conditions) {

	}

	@GetMapping
	SystemView view() {
		Thresholds.InForce current = this.thresholds.current();
		List<WatchedView> cameras = this.mongo.findAll(WatchedCamera.class)
			.stream()
			.sorted(Comparator.comparing(WatchedCamera::id))
			.map((camera) -> new WatchedView(camera.id(), camera.silentAfterMinutes(),
					camera.threshold(current.cameraSilentAfter()).toMinutes(), camera.lastSeen(), camera.enabled()))
			.toList();
		List<ServiceView> services = this.properties.services()
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.comparingByKey())
			.map((service) -> new ServiceView(service.getKey(), service.getValue()))
			.toList();
		List<ConditionView> conditions = this.mongo.findAll(Condition.class)
			.stream()
			.sorted(Comparator.comparing(Condition::failing)
				.reversed()
				.thenComparing(Condition::condition)
				.thenComparing(Condition::subject))
			.map((c) -> new ConditionView(c.condition(), c.subject(), c.failing(), c.since(), c.detail(), c.changes()))
			.toList();
		return new SystemView(this.properties.enabled(), this.properties.checkInterval().toSeconds(),
				ThresholdValues.of(current), ThresholdValues.of(this.thresholds.defaults()),
				ThresholdValues.of(this.thresholds.overrides()), cameras, services, conditions);
	}

	@PutMapping("/thresholds")
	SystemView thresholds(@RequestBody ThresholdValues values) {
		List<FieldError> errors = new ArrayList<>();
		check(values.cameraSilentAfterMinutes(), 1, 43_200, "cameraSilentAfterMinutes", "minutes", errors);
		check(values.edgeSpoolWarningMb(), 1, 1_048_576, "edgeSpoolWarningMb", "MB", errors);
		check(values.edgeMinFreeDiskMb(), 1, 1_048_576, "edgeMinFreeDiskMb", "MB", errors);
		check(values.deadLetterQuietAfterMinutes(), 1, 1_440, "deadLetterQuietAfterMinutes", "minutes", errors);
		check((values.serviceFailures() != null) ? values.serviceFailures().longValue() : null, 1, 100,
				"serviceFailures", "checks", errors);
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		this.thresholds.save(new Thresholds.Overrides(Thresholds.Overrides.ID, values.cameraSilentAfterMinutes(),
				values.edgeSpoolWarningMb(), values.edgeMinFreeDiskMb(), values.deadLetterQuietAfterMinutes(),
				values.serviceFailures()));
		return view();
	}

	private static void check(@Nullable Long value, long min, long max, String field, String unit,
			List<FieldError> errors) {
		if (value != null && (value < min || value > max)) {
			errors.add(
					new FieldError(field, "must be " + min + " to " + max + " " + unit + " (or null for the default)"));
		}
	}

}
