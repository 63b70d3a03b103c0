package dev.vigil.catalog.event;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;

import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.TimeRange;
import dev.vigil.contracts.MediaKind;

/**
 * Filters of {@code GET /events}, already validated. Like {@code MediaFilter}, turned
 * into typed criteria, never into query text.
 *
 * @param camera one camera
 * @param kind events with at least one image or video
 * @param range events that overlap this range
 * @param label a detection label that must be present
 * @param minConfidence with {@code label}: its minimum confidence; alone: the minimum
 * person confidence
 */
record EventFilter(@Nullable String camera, @Nullable MediaKind kind, TimeRange range, @Nullable String label,
		@Nullable Double minConfidence) {

	List<Criteria> toCriteria(CameraScope scope, @Nullable Cursor cursor) {
		List<Criteria> all = new ArrayList<>();
		Criteria cameras = scope.restrict("cameraId", this.camera);
		if (cameras != null) {
			all.add(cameras);
		}
		if (this.kind != null) {
			all.add(Criteria.where((this.kind == MediaKind.VIDEO) ? "videoCount" : "imageCount").gt(0));
		}
		if (this.range.from() != null) {
			all.add(Criteria.where("end").gte(this.range.from()));
		}
		if (this.range.to() != null) {
			all.add(Criteria.where("start").lt(this.range.to()));
		}
		if (this.label != null) {
			Criteria match = Criteria.where("label").is(this.label);
			if (this.minConfidence != null) {
				match = match.and("confidence").gte(this.minConfidence);
			}
			all.add(Criteria.where("labels").elemMatch(match));
		}
		else if (this.minConfidence != null) {
			all.add(Criteria.where("maxPersonConfidence").gte(this.minConfidence));
		}
		if (cursor != null) {
			all.add(new Criteria().orOperator(Criteria.where("start").lt(cursor.time()),
					Criteria.where("start").is(cursor.time()).and("_id").lt(cursor.id())));
		}
		return all;
	}

}
