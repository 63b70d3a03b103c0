package dev.vigil.bench.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.vigil.bench.sim.CameraSimulator.Upload;
import org.jspecify.annotations.Nullable;

/**
 * Compares what the cameras were told with what the platform holds: every file answered
 * 226 must be in S3 (content hashing to its SHA-256) and indexed in the catalog, nothing
 * twice, and every refusal must have been a 4xx/5xx reply.
 */
public final class Reconciliation {

	private static final int LISTED = 5;

	private Reconciliation() {
	}

	/**
	 * Whether every accepted upload has arrived everywhere it should.
	 * @param uploads the cameras' attempts
	 * @param view what the platform holds
	 * @param requireProcessed whether processing results are required too
	 * @return true when nothing is missing any more
	 */
	public static boolean complete(List<Upload> uploads, StoreView view, boolean requireProcessed) {
		return uploads.stream()
			.filter(Upload::accepted)
			.allMatch((upload) -> view.verified().contains(upload.sha256()) && view.indexed().contains(upload.sha256())
					&& (!requireProcessed || view.processed().contains(upload.sha256())));
	}

	/**
	 * The verdict.
	 * @param scenario the fault
	 * @param uploads the cameras' attempts
	 * @param view what the platform holds after the drain
	 * @param unknownObjects hashes in S3 that no camera ever uploaded
	 * @param converged time to converge, null if it did not
	 * @param requireProcessed whether processing results are required too
	 * @param notes observations of the scenario's own steps
	 * @return the result row
	 */
	public static ScenarioResult evaluate(FaultScenario scenario, List<Upload> uploads, StoreView view,
			Set<String> unknownObjects, @Nullable Duration converged, boolean requireProcessed, List<String> notes) {
		List<Upload> accepted = uploads.stream().filter(Upload::accepted).toList();
		List<Upload> refused = uploads.stream().filter((upload) -> !upload.accepted()).toList();
		List<String> failures = new ArrayList<>();
		List<String> observed = new ArrayList<>(notes);

		List<Upload> missingInStore = accepted.stream()
			.filter((upload) -> !view.verified().contains(upload.sha256()))
			.toList();
		List<Upload> missingInCatalog = accepted.stream()
			.filter((upload) -> !view.indexed().contains(upload.sha256()))
			.toList();
		complain(failures, "told 226 but not in S3", missingInStore);
		complain(failures, "told 226 but not indexed in the catalog", missingInCatalog);
		if (requireProcessed) {
			complain(failures, "not processed",
					accepted.stream().filter((upload) -> !view.processed().contains(upload.sha256())).toList());
		}

		Set<String> hashes = new LinkedHashSet<>();
		uploads.stream().map(Upload::sha256).filter((hash) -> !hash.isEmpty()).forEach(hashes::add);
		int duplicates = 0;
		for (String hash : hashes) {
			int objects = view.objectsByHash().getOrDefault(hash, 0);
			int documents = view.documentsByHash().getOrDefault(hash, 0);
			if (objects > 1) {
				failures.add(String.format(Locale.ROOT, "%d objects in S3 for %s", objects, hash));
			}
			if (documents > 1) {
				failures.add(String.format(Locale.ROOT, "%d catalog documents for %s", documents, hash));
			}
			duplicates += Math.max(0, objects - 1) + Math.max(0, documents - 1);
		}
		view.corrupt().forEach((key) -> failures.add("content of " + key + " does not match its hash"));
		unknownObjects.forEach((hash) -> failures.add("object in S3 that no camera uploaded: " + hash));

		List<Upload> unanswered = refused.stream()
			.filter((upload) -> upload.replyCode() < 400 || upload.replyCode() >= 600)
			.toList();
		complain(failures, "not stored yet not refused with a 4xx/5xx reply", unanswered);
		if (scenario.expectsAllAccepted() && !refused.isEmpty()) {
			complain(failures, "refused although the spool should absorb this fault", refused);
		}
		if (!scenario.expectsAllAccepted() && refused.isEmpty()) {
			failures.add("the burst never reached the high-water mark: nothing was refused");
		}
		long refusedButStored = refused.stream()
			.filter((upload) -> view.objectsByHash().containsKey(upload.sha256()))
			.count();
		if (refusedButStored > 0) {
			observed.add(refusedButStored + " refused files were stored anyway");
		}
		if (converged == null && failures.isEmpty()) {
			failures.add("did not converge within the bound");
		}
		int inStore = (int) accepted.stream().filter((upload) -> view.verified().contains(upload.sha256())).count();
		int inCatalog = (int) accepted.stream().filter((upload) -> view.indexed().contains(upload.sha256())).count();
		return new ScenarioResult(scenario, uploads.size(), accepted.size(), refused.size(), inStore, inCatalog,
				duplicates, converged, failures, observed);
	}

	private static void complain(List<String> failures, String what, List<Upload> uploads) {
		if (uploads.isEmpty()) {
			return;
		}
		StringBuilder text = new StringBuilder().append(uploads.size()).append(' ').append(what).append(": ");
		for (int i = 0; i < Math.min(LISTED, uploads.size()); i++) {
			Upload upload = uploads.get(i);
			text.append(i == 0 ? "" : ", ")
				.append(upload.camera())
				.append('/')
				.append(upload.path())
				.append(upload.sha256().isEmpty() ? "" : " (" + abbreviate(upload.sha256()) + ")")
				.append(upload.accepted() ? "" : " [" + upload.replyCode() + " " + upload.reply() + "]");
		}
		if (uploads.size() > LISTED) {
			text.append(", …");
		}
		failures.add(text.toString());
	}

	private static String abbreviate(String hash) {
		return hash.length() > 12 ? hash.substring(0, 12) : hash;
	}

}
