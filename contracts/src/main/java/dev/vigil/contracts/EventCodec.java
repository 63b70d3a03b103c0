package dev.vigil.contracts;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the wire events as JSON, the one place every service does so. Reading
 * is strict and checks the schema version before the shape: an event this code cannot
 * fully understand is rejected, never half read.
 *
 * <ul>
 * <li>not JSON, or not a JSON object: rejected as malformed;</li>
 * <li>{@code schemaVersion} present but not an integral number that fits an {@code int}
 * ({@code 1.0}, {@code "1"}, 2<sup>32</sup>+1): rejected;</li>
 * <li>{@code schemaVersion} above the type's {@code CURRENT_SCHEMA_VERSION}: rejected
 * before the fields are looked at; absent means 1;</li>
 * <li>a record constructor refusing a field ({@link InvalidEventException}, or any other
 * exception it throws): rejected with that message, which names the field;</li>
 * <li>any other mapping failure (wrong JSON type, unparsable value): rejected with
 * Jackson's message.</li>
 * </ul>
 * Unknown fields are ignored (the records say so), so additive changes are read by older
 * consumers. The mapper is the service's own ({@code JsonMapper} of Jackson 3, which
 * every service has through Spring Boot).
 */
public final class EventCodec {

	private static final Map<Class<?>, Integer> SUPPORTED = Map.of(MediaUploaded.class,
			MediaUploaded.CURRENT_SCHEMA_VERSION, MediaProcessed.class, MediaProcessed.CURRENT_SCHEMA_VERSION,
			MotionEventChanged.class, MotionEventChanged.CURRENT_SCHEMA_VERSION, CameraConfig.class,
			CameraConfig.CURRENT_SCHEMA_VERSION, EdgeHeartbeat.class, EdgeHeartbeat.CURRENT_SCHEMA_VERSION,
			CameraDetection.class, CameraDetection.CURRENT_SCHEMA_VERSION);

	private final JsonMapper json;

	public EventCodec(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Reads one event.
	 * @param <T> the event type
	 * @param payload the record value as sent
	 * @param type one of the event records of this module
	 * @return the event
	 * @throws RejectedEventException if the payload is not an acceptable event of that
	 * type
	 */
	public <T> T read(byte[] payload, Class<T> type) {
		int supported = supported(type);
		JsonNode tree;
		try {
			tree = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new RejectedEventException(
					"Malformed " + type.getSimpleName() + ": not JSON (" + ex.getOriginalMessage() + ")", ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new RejectedEventException("Malformed " + type.getSimpleName() + ": not a JSON object");
		}
		JsonNode version = tree.get("schemaVersion");
		if (version != null && !version.isNull()) {
			if (!version.isIntegralNumber() || !version.canConvertToInt()) {
				throw new RejectedEventException(
						"Malformed " + type.getSimpleName() + ": schemaVersion is not an integer");
			}
			if (version.intValue() > supported) {
				throw new RejectedEventException("Unsupported schemaVersion " + version.intValue()
						+ ": this service reads " + type.getSimpleName() + " up to " + supported);
			}
		}
		try {
			return this.json.treeToValue(tree, type);
		}
		catch (JacksonException ex) {
			Throwable refusal = refusal(ex);
			if (refusal != null) {
				throw new RejectedEventException("Invalid " + type.getSimpleName() + ": " + refusal.getMessage(), ex);
			}
			throw new RejectedEventException("Malformed " + type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Writes one event.
	 * @param event one of the event records of this module
	 * @return its JSON bytes (UTF-8)
	 */
	public byte[] write(Object event) {
		supported(event.getClass());
		return this.json.writeValueAsBytes(event);
	}

	private static int supported(Class<?> type) {
		Integer version = SUPPORTED.get(type);
		if (version == null) {
			throw new IllegalArgumentException(type.getName() + " is not a wire event");
		}
		return version;
	}

	/**
	 * What a record constructor threw: the contract breach itself rather than Jackson's
	 * wrapper. Jackson's own exceptions (a wrong JSON type) are not a refusal.
	 */
	private static @Nullable Throwable refusal(Throwable ex) {
		Throwable first = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidEventException) {
				return cause;
			}
			if (first == null && !(cause instanceof JacksonException)) {
				first = cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return first;
	}

}
