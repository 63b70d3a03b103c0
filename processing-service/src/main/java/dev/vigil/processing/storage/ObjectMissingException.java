package dev.vigil.processing.storage;

/**
 * The original named by an event is not in the bucket: it was deleted (retention, a user)
 * or the event was replayed after it. Retried a few times, then dead-lettered with this
 * message.
 */
public class ObjectMissingException extends RuntimeException {

	public ObjectMissingException(String bucket, String key) {
		super("Original object not found: s3://" + bucket + "/" + key);
	}

}
