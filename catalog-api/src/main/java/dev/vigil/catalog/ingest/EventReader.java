package dev.vigil.catalog.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;

/**
 * Reads wire events from raw bytes, checking the schema version before the shape: a
 * producer that speaks a newer version than this service must not be half-understood.
 */
@Component
class EventReader {

	private final JsonMapper json;

	EventReader(JsonMapper json) {
		this.json = json;
	}

	MediaUploaded uploaded(byte[] payload) {
		return read(payload, MediaUploaded.class, MediaUploaded.CURRENT_SCHEMA_VERSION);
	}

	MediaProcessed processed(byte[] payload) {
		return read(payload, MediaProcessed.class, MediaProcessed.CURRENT_SCHEMA_VERSION);
	}

	private <T> T read(byte[] payload, Class<T> type, int supported) {
		JsonNode tree;
		try {
			tree = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new RejectedEventException("Not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new RejectedEventException("Not a JSON object");
		}
		JsonNode version = tree.get("schemaVersion");
		if (version != null && !version.isNull()) {
			if (!version.canConvertToInt()) {
				throw new RejectedEventException("schemaVersion is not an integer");
			}
			if (version.asInt() > supported) {
				throw new RejectedEventException(
						"schemaVersion " + version.asInt() + " is newer than the supported " + supported);
			}
		}
		try {
			return this.json.treeToValue(tree, type);
		}
		catch (JacksonException ex) {
			// The records' constructors name the offending field; keep that message.
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new RejectedEventException(type.getSimpleName() + " breaks its contract: " + cause.getMessage(), ex);
		}
	}

}
