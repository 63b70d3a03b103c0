package dev.vigil.bench.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.bench.sim.CameraSimulator.Upload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests {

	private static final String A = "a".repeat(64);

	private static final String B = "b".repeat(64);

	private static final String C = "c".repeat(64);

	private static Upload accepted(String hash) {
		return new Upload("cam", "snap/" + hash.charAt(0) + ".jpg", 10, hash, 226, 1, true, "226 Transfer complete");
	}

	private static Upload refused(String hash, int reply) {
		return new Upload("cam", "snap/" + hash.charAt(0) + ".jpg", 10, hash, reply, 1, false, reply + " no");
	}

	private static StoreView view(Map<String, Integer> objects, Set<String> indexed) {
		return new StoreView(objects, objects.keySet(), Set.of(), Map.of(), indexed, Set.of());
	}

	@Test
	void everyAcceptedFileStoredAndIndexedOncePasses() {
		List<Upload> uploads = List.of(accepted(A), accepted(B));
		StoreView view = view(Map.of(A, 1, B, 1), Set.of(A, B));
		assertThat(Reconciliation.complete(uploads, view, false)).isTrue();
		ScenarioResult result = Reconciliation.evaluate(FaultScenario.S3_DOWN, uploads, view, Set.of(),
				Duration.ofSeconds(3), false, List.of());
		assertThat(result.passed()).as(result.failures().toString()).isTrue();
		assertThat(result.inStore()).isEqualTo(2);
		assertThat(result.inCatalog()).isEqualTo(2);
	}

	@Test
	void aLostFileIsNamed() {
		List<Upload> uploads = List.of(accepted(A), accepted(B));
		StoreView view = view(Map.of(A, 1), Set.of(A, B));
		assertThat(Reconciliation.complete(uploads, view, false)).isFalse();
		ScenarioResult result = Reconciliation.evaluate(FaultScenario.S3_DOWN, uploads, view, Set.of(), null, false,
				List.of());
		assertThat(result.passed()).isFalse();
		assertThat(result.failures()).singleElement().asString().contains("not in S3").contains("cam/snap/b.jpg");
	}

	@Test
	void aSecondObjectForOneHashIsADuplicate() {
		List<Upload> uploads = List.of(accepted(A));
		ScenarioResult result = Reconciliation.evaluate(FaultScenario.EDGE_KILLED_MID_DRAIN, uploads,
				view(Map.of(A, 2), Set.of(A)), Set.of(), Duration.ZERO, false, List.of());
		assertThat(result.duplicates()).isEqualTo(1);
		assertThat(result.passed()).isFalse();
	}

	@Test
	void refusalsMustBeRepliesAndOnlyAtTheHighWaterMark() {
		List<Upload> uploads = List.of(accepted(A), refused(B, 452), refused(C, 0));
		StoreView view = view(Map.of(A, 1), Set.of(A));
		ScenarioResult full = Reconciliation.evaluate(FaultScenario.EDGE_SPOOL_FULL, uploads, view, Set.of(),
				Duration.ZERO, false, List.of());
		assertThat(full.failures()).singleElement().asString().contains("not refused with a 4xx/5xx");
		ScenarioResult outage = Reconciliation.evaluate(FaultScenario.S3_DOWN, List.of(accepted(A), refused(B, 452)),
				view, Set.of(), Duration.ZERO, false, List.of());
		assertThat(outage.failures()).singleElement().asString().contains("refused although");
		ScenarioResult nothingRefused = Reconciliation.evaluate(FaultScenario.EDGE_SPOOL_FULL, List.of(accepted(A)),
				view, Set.of(), Duration.ZERO, false, List.of());
		assertThat(nothingRefused.failures()).singleElement().asString().contains("never reached");
	}

	@Test
	void anObjectNobodyUploadedFails() {
		ScenarioResult result = Reconciliation.evaluate(FaultScenario.KAFKA_DOWN, List.of(accepted(A)),
				view(Map.of(A, 1, C, 1), Set.of(A)), Set.of(C), Duration.ZERO, false, List.of());
		assertThat(result.failures()).singleElement().asString().contains("no camera uploaded");
	}

	@Test
	void theHashIsTheKeysFileName() {
		assertThat(Stores.hashOf("originals/cam/2026/11/25/08/" + A + ".jpg")).isEqualTo(A);
	}

}
