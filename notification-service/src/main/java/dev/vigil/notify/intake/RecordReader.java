package dev.vigil.notify.intake;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.vigil.contracts.MotionEventChanged;

/**
 * Reads a record from its bytes: the schema version first, then the shape.
 */
@Component
class RecordReader {

	private final JsonMapper json;

	RecordReader(JsonMapper json) {
		this.json = json;
	}

	MotionEventChanged read(byte[] payload) {
		try {
			var tree = this.json.readTree(payload);
			int version = tree.path("schemaVersion").asInt(1);
			if (version > MotionEventChanged.CURRENT_SCHEMA_VERSION) {
				throw new RejectedRecordException("schemaVersion " + version + " is newer than "
						+ MotionEventChanged.CURRENT_SCHEMA_VERSION + ", which this service reads");
			}
			return this.json.treeToValue(tree, MotionEventChanged.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new RejectedRecordException("Not a MotionEventChanged record: " + ex.getMessage(), ex);
		}
	}

}
