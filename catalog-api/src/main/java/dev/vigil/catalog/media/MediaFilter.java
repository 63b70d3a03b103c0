package dev.vigil.catalog.media;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;

import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.TimeRange;
import dev.vigil.contracts.MediaKind;

/**
 * Filters of {@code GET /media}, already validated. Turned into typed criteria, never
 * into query text, so no value can act as an operator.
 *
 * @param camera one camera
 * @param kind image or video
 * @param range capture time range
 * @param label a detection label that must be present
 * @param minConfidence with {@code label}: its minimum confidence; alone: the minimum
 * person confidence
 * @param status processing status
 * @param eventId one event
 */
public record MediaFilter(@Nullable String camera, @Nullable MediaKind kind, TimeRange range, @Nullable String label,
		@Nullable Double minConfidence, @Nullable MediaStatus status, @Nullable String eventId) {

	Criteria toCriteria(CameraScope scope, @Nullable Cursor cursor) {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("listed").is(true).and("deletedAt").is(null));
		Criteria cameras = scope.restrict("cameraId", this.camera);
		if (cameras != null) {
			all.add(cameras);
		}
		if (this.kind != null) {
			all.add(Criteria.where("kind").is(this.kind));
		}
		if (this.range.from() != null) {
			all.add(Criteria.where("takenAt").gte(this.range.from()));
		}
		if (this.range.to() != null) {
			all.add(Criteria.where("takenAt").lt(this.range.to()));
		}
		if (this.label != null) {
			Criteria detection = Criteria.where("label").is(this.label);
			if (this.minConfidence != null) {
				detection = detection.and("confidence").gte(this.minConfidence);
			}
			all.add(Criteria.where("detections").elemMatch(detection));
		}
		else if (this.minConfidence != null) {
			all.add(Criteria.where("personConfidence").gte(this.minConfidence));
		}
		if (this.status != null) {
			all.add(Criteria.where("status").is(this.status.name()));
		}
		if (this.eventId != null) {
			all.add(Criteria.where("eventId").is(this.eventId));
		}
		if (cursor != null) {
			all.add(new Criteria().orOperator(Criteria.where("takenAt").lt(cursor.time()),
					Criteria.where("takenAt").is(cursor.time()).and("_id").lt(cursor.id())));
		}
		return new Criteria().andOperator(all);
	}

}
