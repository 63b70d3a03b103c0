package dev.vigil.catalog.stats;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.stats.Stats.DayCount;
import dev.vigil.catalog.stats.Stats.HistogramBucket;
import dev.vigil.catalog.stats.Stats.Storage;
import dev.vigil.catalog.web.TimeRange;

/**
 * The statistics queries. Computed by MongoDB aggregation over precomputed fields
 * ({@code day}, detection {@code bucket}), using only stages the MongoDB wire server also
 * implements.
 */
@Component
class MediaStatistics {

	private final MongoTemplate mongo;

	MediaStatistics(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Listed media captured in the range, of one camera or of every camera in scope. */
	Stats compute(CameraScope scope, @Nullable String camera, TimeRange range) {
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

}
