package dev.vigil.catalog.event;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.web.TimeRange;
import dev.vigil.contracts.MediaKind;

import static org.assertj.core.api.Assertions.assertThat;

class EventFilterTests {

	@Test
	void keepsEveryValueALiteralNeverAnOperator() {
		EventFilter filter = new EventFilter(null, null, new TimeRange(null, null), "$where", null);
		assertThat(json(filter, CameraScope.ALL)).contains("\"label\": \"$where\"").doesNotContain("\"$where\":");
	}

	@Test
	void alwaysRestrictsToTheScope() {
		EventFilter filter = new EventFilter(null, null, new TimeRange(null, null), null, null);
		assertThat(json(filter, CameraScope.of(List.of("porch")))).contains("\"cameraId\": {\"$in\": [\"porch\"]}");
	}

	@Test
	void selectsByKindAndPersonConfidenceOnTheEventsCounters() {
		EventFilter filter = new EventFilter("porch", MediaKind.VIDEO, new TimeRange(null, null), null, 0.6);
		assertThat(json(filter, CameraScope.ALL)).contains("\"videoCount\": {\"$gt\": 0}")
			.contains("\"maxPersonConfidence\": {\"$gte\": 0.6}");
	}

	@Test
	void anUnfilteredListHasNoCriteria() {
		EventFilter filter = new EventFilter(null, null, new TimeRange(null, null), null, null);
		assertThat(filter.toCriteria(CameraScope.ALL, null)).isEmpty();
	}

	private static String json(EventFilter filter, CameraScope scope) {
		return new Criteria().andOperator(filter.toCriteria(scope, null)).getCriteriaObject().toJson();
	}

}
