package dev.vigil.catalog.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Ids;
import dev.vigil.catalog.web.TimeRange;

/**
 * Aggregates over the catalog, always within the caller's camera scope. Computed by
 * MongoDB aggregation over precomputed fields ({@code day}, detection {@code bucket}),
 * using only stages the MongoDB wire server also implements.
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics", description = "Uploads per camera per day, detection confidence histogram, storage")
class StatsController {

	private final MongoTemplate mongo;

	private final CurrentCaller caller;

	private final CameraRegistry cameras;

	StatsController(MongoTemplate mongo, CurrentCaller caller, CameraRegistry cameras) {
		this.mongo = mongo;
		this.caller = caller;
		this.cameras = cameras;
	}

	@GetMapping
	@Operation(summary = "Statistics over media captured in [from, to)",
			description = "Days are UTC. The histogram has ten buckets per label: bucket 7 holds confidences in [0.7, 0.8).")
	Stats stats(
			@Parameter(example = "driveway") @RequestParam(required = false) @Pattern(
					regexp = Ids.CAMERA) @Nullable String camera,
			@Parameter(example = "2016-08-01T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		TimeRange range = new TimeRange(from, to);
		CameraScope scope = this.caller.scope();
		if (camera != null) {
			scope.check(camera);
			if (!this.cameras.exists(camera)) {
				throw ApiException.notFound("camera", camera);
			}
		}
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("listed").is(true).and("deletedAt").is(null));
		Criteria cameras = scope.restrict("cameraId", camera);
		if (cameras != null) {
			all.add(cameras);
		}
		if (range.from() != null) {
			all.add(Criteria.where("takenAt").gte(range.from()));
		}
		if (range.to() != null) {
			all.add(Criteria.where("takenAt").lt(range.to()));
		}
		AggregationOperation match = Aggregation.match(new Criteria().andOperator(all));

		List<DayCount> days = new ArrayList<>();
		for (Document row : run(Aggregation.newAggregation(match,
				Aggregation.group("cameraId", "day").count().as("count").sum("sizeBytes").as("bytes"),
				Aggregation.sort(Sort.by("cameraId", "day"))))) {
			Document id = row.get("_id", Document.class);
			days.add(new DayCount(id.getString("cameraId"), id.getString("day"), number(row, "count"),
					number(row, "bytes")));
		}
		List<HistogramBucket> histogram = new ArrayList<>();
		for (Document row : run(Aggregation.newAggregation(match, Aggregation.unwind("detections"),
				Aggregation.group("detections.label", "detections.bucket").count().as("count"),
				Aggregation.sort(Sort.by("label", "bucket"))))) {
			Document id = row.get("_id", Document.class);
			int bucket = ((Number) id.get("bucket")).intValue();
			histogram.add(new HistogramBucket(id.getString("label"), bucket / 10.0, (bucket + 1) / 10.0,
					number(row, "count")));
		}
		List<Storage> storage = new ArrayList<>();
		for (Document row : run(Aggregation.newAggregation(match,
				Aggregation.group("cameraId").count().as("media").sum("sizeBytes").as("bytes"),
				Aggregation.sort(Sort.by("_id"))))) {
			storage.add(new Storage(row.getString("_id"), number(row, "media"), number(row, "bytes")));
		}
		return new Stats(days, histogram, storage);
	}

	private List<Document> run(Aggregation aggregation) {
		return this.mongo.aggregate(aggregation, "media", Document.class).getMappedResults();
	}

	private static long number(Document row, String field) {
		Object value = row.get(field);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * The statistics.
	 *
	 * @param uploadsPerDay uploads and bytes per camera and UTC day
	 * @param confidenceHistogram detections per label and confidence decile
	 * @param storage media and bytes of originals per camera
	 */
	record Stats(List<DayCount> uploadsPerDay, List<HistogramBucket> confidenceHistogram, List<Storage> storage) {

	}

	record DayCount(String cameraId, String day, long uploads, long bytes) {

	}

	record HistogramBucket(String label, double from, double to, long detections) {

	}

	record Storage(String cameraId, long media, long bytes) {

	}

}
