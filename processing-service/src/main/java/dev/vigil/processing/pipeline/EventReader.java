package dev.vigil.processing.pipeline;

import dev.vigil.contracts.InvalidEventException;
import dev.vigil.contracts.MediaUploaded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code MediaUploaded} events strictly: anything this code cannot fully understand
 * is poison, never a half-processed item.
 */
class EventReader {

	private final JsonMapper json;

	EventReader(JsonMapper json) {
		this.json = json;
	}

	MediaUploaded read(byte[] payload) {
		JsonNode node;
		try {
			node = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new PoisonEventException("Malformed event: not JSON (" + ex.getOriginalMessage() + ")", ex);
		}
		if (node == null || !node.isObject()) {
			throw new PoisonEventException("Malformed event: not a JSON object");
		}
		JsonNode version = node.get("schemaVersion");
		if (version != null && !version.isNull()) {
			if (!version.isIntegralNumber()) {
				throw new PoisonEventException("Malformed event: schemaVersion is not a number");
			}
			if (version.asInt() > MediaUploaded.CURRENT_SCHEMA_VERSION) {
				throw new PoisonEventException("Unsupported schemaVersion " + version.asInt()
						+ ": this processor reads up to " + MediaUploaded.CURRENT_SCHEMA_VERSION);
			}
		}
		try {
			return this.json.treeToValue(node, MediaUploaded.class);
		}
		catch (JacksonException ex) {
			InvalidEventException invalid = invalid(ex);
			if (invalid != null) {
				throw new PoisonEventException("Invalid event: " + invalid.getMessage(), ex);
			}
			throw new PoisonEventException("Malformed event: " + ex.getOriginalMessage(), ex);
		}
	}

	private static @org.jspecify.annotations.Nullable InvalidEventException invalid(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidEventException invalid) {
				return invalid;
			}
		}
		return null;
	}

}
