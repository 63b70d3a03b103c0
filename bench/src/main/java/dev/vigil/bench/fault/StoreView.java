package dev.vigil.bench.fault;

import java.util.Map;
import java.util.Set;

/**
 * What the platform holds at one moment, read directly from S3 and the catalog's MongoDB.
 *
 * @param objectsByHash every original in the bucket: content hash (from the
 * content-addressed key) → number of keys
 * @param verified hashes whose object was read back and hashed to the same value
 * @param corrupt keys whose content does not hash to the hash in their name
 * @param documentsByHash documents in {@code media} per hash, for the hashes asked about
 * @param indexed hashes whose document has the upload applied ({@code receivedAt}) and is
 * not deleted
 * @param processed hashes whose document has a processing result
 */
public record StoreView(Map<String, Integer> objectsByHash, Set<String> verified, Set<String> corrupt,
		Map<String, Integer> documentsByHash, Set<String> indexed, Set<String> processed) {

	public StoreView {
		objectsByHash = Map.copyOf(objectsByHash);
		verified = Set.copyOf(verified);
		corrupt = Set.copyOf(corrupt);
		documentsByHash = Map.copyOf(documentsByHash);
		indexed = Set.copyOf(indexed);
		processed = Set.copyOf(processed);
	}

}
