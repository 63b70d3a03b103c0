package dev.vigil.bench.fault;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one fault scenario.
 *
 * @param scenario which fault
 * @param uploaded upload attempts by the cameras
 * @param accepted files the cameras were told were stored (226)
 * @param refused files the cameras were refused
 * @param inStore accepted files whose object is in S3 with the right content
 * @param inCatalog accepted files with a document in the catalog's {@code media}
 * collection whose upload was indexed
 * @param duplicates objects or documents beyond one per content hash
 * @param converged time from healing until every accepted file was in S3 and the catalog,
 * null if it never was within the bound
 * @param failures why the scenario failed; empty when it passed
 * @param notes what else was observed
 */
public record ScenarioResult(FaultScenario scenario, int uploaded, int accepted, int refused, int inStore,
		int inCatalog, int duplicates, @Nullable Duration converged, List<String> failures, List<String> notes) {

	public ScenarioResult {
		failures = List.copyOf(failures);
		notes = List.copyOf(notes);
	}

	public boolean passed() {
		return this.failures.isEmpty();
	}

}
