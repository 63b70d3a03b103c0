package dev.vigil.notify.delivery;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.notify.web.ApiException;

/**
 * {@code GET /api/v1/notifications/deliveries}: the delivery log, newest first — time,
 * rule, channel, outcome, attempts, latency, last error. Payloads are not shown.
 */
@RestController
@RequestMapping("/api/v1/notifications/deliveries")
class DeliveryController {

	private final MongoTemplate mongo;

	DeliveryController(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One line of the log.
	 *
	 * @param id delivery id
	 * @param channel channel name ({@code mqtt} or {@code channel:<id>})
	 * @param ruleId rule, if any
	 * @param cameraId camera
	 * @param motionEventId event
	 * @param status outcome
	 * @param attempts attempts
	 * @param createdAt queued
	 * @param finishedAt settled
	 * @param latencyMs from the catalog's change to acceptance
	 * @param lastError last failure
	 */
	record LogEntry(String id, String channel, @Nullable String ruleId, String cameraId, String motionEventId,
			DeliveryStatus status, int attempts, java.time.Instant createdAt, java.time.@Nullable Instant finishedAt,
			@Nullable Long latencyMs, @Nullable String lastError) {

		static LogEntry of(Delivery delivery) {
			return new LogEntry(delivery.id(), delivery.channel(), delivery.ruleId(), delivery.cameraId(),
					delivery.motionEventId(), delivery.status(), delivery.attempts(), delivery.createdAt(),
					delivery.finishedAt(), delivery.latencyMs(), delivery.lastError());
		}

	}

	@GetMapping
	List<LogEntry> log(@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String rule,
			@RequestParam(required = false) @Nullable DeliveryStatus status,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw ApiException.invalid(List.of(new ApiException.FieldError("limit", "must be 1-1000")));
		}
		Query query = new Query();
		if (channel != null) {
			query.addCriteria(Criteria.where("channel").is(channel));
		}
		if (rule != null) {
			query.addCriteria(Criteria.where("ruleId").is(rule));
		}
		if (status != null) {
			query.addCriteria(Criteria.where("status").is(status));
		}
		query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
		return this.mongo.find(query, Delivery.class).stream().map(LogEntry::of).toList();
	}

}
