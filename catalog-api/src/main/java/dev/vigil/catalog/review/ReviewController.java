package dev.vigil.catalog.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.event.EventDocument;
import dev.vigil.catalog.event.EventView;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Ids;
import dev.vigil.catalog.web.Page;
import dev.vigil.catalog.web.TimeRange;

/**
 * Review like an NVR: each person's reviewed state of events, the count of what is still
 * unreviewed, "mark all reviewed up to now", and a search across days, cameras, labels,
 * alert/motion and reviewed state. The state belongs to the token's subject; the cameras
 * claim limits every answer as elsewhere.
 */
@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Review", description = "Per-user reviewed state of events, alerts vs. motion, search")
class ReviewController {

	/** Counts stop here ("1000+" unreviewed is as actionable as 4711). */
	static final int COUNT_LIMIT = 1000;

	private final MongoTemplate mongo;

	private final ReviewLedger ledger;

	private final CameraRegistry cameras;

	private final CurrentCaller caller;

	ReviewController(MongoTemplate mongo, ReviewLedger ledger, CameraRegistry cameras, CurrentCaller caller) {
		this.mongo = mongo;
		this.ledger = ledger;
		this.cameras = cameras;
		this.caller = caller;
	}

	@GetMapping("/events")
	@Operation(summary = "Search events, newest first, with the caller's reviewed state",
			description = "Several cameras and labels may be given (any of them matches); from/to select events "
					+ "that overlap the range; kind=alert keeps events with an alert-worthy label, kind=motion the "
					+ "others; reviewed=false keeps what the caller has not reviewed; held=true lists what is under "
					+ "legal hold. Cursor-paged like /events.")
	Page<ReviewedEvent> search(
			@Parameter(example = "porch") @RequestParam(required = false) @Size(
					max = 50) @Nullable List<@Pattern(regexp = Ids.CAMERA) String> camera,
			@Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@Parameter(example = "person") @RequestParam(required = false) @Size(
					max = 20) @Nullable List<@Pattern(regexp = Ids.LABEL) String> label,
			@Parameter(example = "alert") @RequestParam(required = false) @Pattern(
					regexp = "alert|motion") @Nullable String kind,
			@RequestParam(required = false) @Nullable Boolean reviewed,
			@Parameter(description = "true: only events with media under legal hold") @RequestParam(
					required = false) @Nullable Boolean held,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		Cursor position = Cursor.decode(cursor);
		ReviewLedger.State state = this.ledger.state(this.caller.name());
		List<Criteria> all = filters(camera, new TimeRange(from, to), label, kind, reviewed, state);
		if (held != null) {
			all.add(held ? Criteria.where("legalHold").is(true) : Criteria.where("legalHold").ne(true));
		}
		if (position != null) {
			all.add(new Criteria().orOperator(Criteria.where("start").lt(position.time()),
					Criteria.where("start").is(position.time()).and("_id").lt(position.id())));
		}
		Query query = query(all).with(Sort.by(Sort.Direction.DESC, "start", "_id")).limit(limit + 1);
		List<EventDocument> found = this.mongo.find(query, EventDocument.class);
		String next = null;
		if (found.size() > limit) {
			found = found.subList(0, limit);
			next = new Cursor(found.getLast().start(), found.getLast().id()).encode();
		}
		return new Page<>(found.stream().map((event) -> view(event, state)).toList(), next);
	}

	@GetMapping("/summary")
	@Operation(summary = "How many events the caller has not reviewed, and the newest of them",
			description = "Counts stop at " + COUNT_LIMIT + " (then capped is true).")
	Summary summary(@Parameter(example = "porch") @RequestParam(required = false) @Size(
			max = 50) @Nullable List<@Pattern(regexp = Ids.CAMERA) String> camera) {
		ReviewLedger.State state = this.ledger.state(this.caller.name());
		return summary(camera, state);
	}

	@GetMapping("/events/{id}")
	@Operation(summary = "One event with the caller's reviewed state")
	ReviewedEvent get(
			@Parameter(example = "porch.1764655200000") @PathVariable @Pattern(regexp = Ids.EVENT) String id) {
		return view(find(id), this.ledger.state(this.caller.name()));
	}

	@PutMapping("/events/{id}")
	@Operation(summary = "Mark one event reviewed or unreviewed for the caller")
	ReviewedEvent mark(@Parameter(example = "porch.1764655200000") @PathVariable @Pattern(regexp = Ids.EVENT) String id,
			@Valid @RequestBody MarkRequest request) {
		EventDocument event = find(id);
		this.ledger.mark(this.caller.name(), event, request.reviewed());
		return view(event, this.ledger.state(this.caller.name()));
	}

	@PostMapping("/mark-all")
	@Operation(summary = "Mark every event that started up to a time (default now) reviewed for the caller")
	Summary markAll(@RequestBody(required = false) @Nullable MarkAllRequest request) {
		Instant now = this.ledger.now();
		Instant upTo = (request != null && request.upTo() != null) ? request.upTo() : now;
		if (upTo.isAfter(now.plusSeconds(60))) {
			throw ApiException.badParameter("upTo",
					"is in the future: events that have not happened cannot be reviewed");
		}
		if (upTo.isBefore(TimeRange.EARLIEST)) {
			throw ApiException.badParameter("upTo", "is before the year 0000");
		}
		this.ledger.markAllUpTo(this.caller.name(), upTo);
		return summary(null, this.ledger.state(this.caller.name()));
	}

	/** The event, or 404 when it does not exist or is outside the caller's cameras. */
	private EventDocument find(String id) {
		EventDocument event = this.mongo.findById(id, EventDocument.class);
		if (event == null || !this.caller.scope().permits(event.cameraId())) {
			throw ApiException.notFound("event", id);
		}
		return event;
	}

	private Summary summary(@Nullable List<String> camera, ReviewLedger.State state) {
		List<Criteria> unreviewed = filters(camera, new TimeRange(null, null), null, null, false, state);
		long count = this.mongo.count(query(unreviewed).limit(COUNT_LIMIT), EventDocument.class);
		List<Criteria> alerts = new ArrayList<>(unreviewed);
		alerts.add(this.ledger.alerts(true));
		long alertCount = this.mongo.count(query(alerts).limit(COUNT_LIMIT), EventDocument.class);
		EventDocument newest = this.mongo.findOne(
				query(unreviewed).with(Sort.by(Sort.Direction.DESC, "start", "_id")).limit(1), EventDocument.class);
		return new Summary(count, alertCount, count >= COUNT_LIMIT, (newest != null) ? newest.id() : null,
				state.upTo());
	}

	private List<Criteria> filters(@Nullable List<String> camera, TimeRange range, @Nullable List<String> label,
			@Nullable String kind, @Nullable Boolean reviewed, ReviewLedger.State state) {
		CameraScope scope = this.caller.scope();
		List<Criteria> all = new ArrayList<>();
		Set<String> wanted = (camera != null) ? new LinkedHashSet<>(camera) : Set.of();
		for (String id : wanted) {
			scope.check(id);
			if (!this.cameras.exists(id)) {
				throw ApiException.notFound("camera", id);
			}
		}
		if (!wanted.isEmpty()) {
			all.add(Criteria.where("cameraId").in(wanted));
		}
		else {
			Criteria restricted = scope.restrict("cameraId", null);
			if (restricted != null) {
				all.add(restricted);
			}
		}
		if (range.from() != null) {
			all.add(Criteria.where("end").gte(range.from()));
		}
		if (range.to() != null) {
			all.add(Criteria.where("start").lt(range.to()));
		}
		if (label != null && !label.isEmpty()) {
			all.add(Criteria.where("labels").elemMatch(Criteria.where("label").in(label)));
		}
		if (kind != null) {
			all.add(this.ledger.alerts("alert".equals(kind)));
		}
		if (reviewed != null) {
			all.add(state.criteria(reviewed));
		}
		return all;
	}

	private static Query query(List<Criteria> all) {
		return all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
	}

	private ReviewedEvent view(EventDocument event, ReviewLedger.State state) {
		return new ReviewedEvent(EventView.of(event, null), state.isReviewed(event), this.ledger.isAlert(event));
	}

	/**
	 * An event with the caller's review state.
	 *
	 * @param event the event
	 * @param reviewed whether the caller reviewed it
	 * @param alert whether an alert-worthy label was detected in it
	 */
	record ReviewedEvent(EventView event, boolean reviewed, boolean alert) {

	}

	/**
	 * What is left to review.
	 *
	 * @param unreviewed events not reviewed yet
	 * @param unreviewedAlerts of those, alerts
	 * @param capped whether the counts stopped at the limit
	 * @param nextUnreviewed the newest unreviewed event, if any
	 * @param reviewedUpTo the caller's "mark all reviewed" watermark, if any
	 */
	record Summary(long unreviewed, long unreviewedAlerts, boolean capped, @Nullable String nextUnreviewed,
			@Nullable Instant reviewedUpTo) {

	}

	/**
	 * Marks one event.
	 *
	 * @param reviewed reviewed (true) or unreviewed again (false)
	 */
	record MarkRequest(boolean reviewed) {

	}

	/**
	 * Marks all up to a time.
	 *
	 * @param upTo events that started at or before it; default now
	 */
	record MarkAllRequest(@Nullable Instant upTo) {

	}

}
