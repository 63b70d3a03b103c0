package dev.vigil.catalog.media;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.TimeRange;

import static org.assertj.core.api.Assertions.assertThat;

class MediaFilterTests {

	@Test
	void keepsEveryValueALiteralNeverAnOperator() {
		MediaFilter filter = new MediaFilter(null, null, new TimeRange(null, null), "$where", null, null, null);
		String query = filter.toCriteria(CameraScope.ALL, null).getCriteriaObject().toJson();
		assertThat(query).contains("\"label\": \"$where\"").doesNotContain("\"$where\":");
	}

	@Test
	void alwaysRestrictsToTheScopeAndToVisibleItems() {
		MediaFilter filter = new MediaFilter(null, null, new TimeRange(null, null), null, null, null, null);
		String query = filter.toCriteria(CameraScope.of(List.of("porch")), null).getCriteriaObject().toJson();
		assertThat(query).contains("\"cameraId\": {\"$in\": [\"porch\"]}").contains("\"listed\": true");
	}

	@Test
	void continuesStrictlyAfterTheCursor() {
		MediaFilter filter = new MediaFilter("porch", null, new TimeRange(null, null), "person", 0.5, null, null);
		Cursor cursor = new Cursor(Instant.parse("2026-11-25T08:00:00Z"), "a".repeat(64));
		// Instants have no codec outside a MongoDB client, so the plain text form is
		// checked.
		String query = filter.toCriteria(CameraScope.ALL, cursor).getCriteriaObject().toString();
		assertThat(query).contains("$lt").contains("$elemMatch").contains("$gte=0.5");
	}

	@Test
	void cachesOnlyTheFirstPageOfOneCamera() {
		MediaFilter camera = new MediaFilter("porch", null, new TimeRange(null, null), null, null, null, null);
		MediaFilter labelled = new MediaFilter("porch", null, new TimeRange(null, null), "person", null, null, null);
		assertThat(HotListCache.variant(camera, null, 5)).isEqualTo("ALL:5");
		assertThat(HotListCache.variant(camera, "abc", 5)).isNull();
		assertThat(HotListCache.variant(labelled, null, 5)).isNull();
	}

}
