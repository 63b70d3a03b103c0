package dev.vigil.contracts;

/**
 * Default Kafka topic names. Services make them configurable; these are what every
 * deployment uses unless told otherwise.
 */
public final class Topics {

	/** {@link MediaUploaded} events, keyed by camera id. */
	public static final String MEDIA_UPLOADED = "media.uploaded";

	/** {@link MediaProcessed} events, keyed by camera id. */
	public static final String MEDIA_PROCESSED = "media.processed";

	/**
	 * {@link CameraConfig} records, compacted, keyed by camera id; a tombstone deletes
	 * the camera.
	 */
	public static final String CAMERA_CONFIG = "camera.config";

	/**
	 * {@link CameraDetection} records, compacted, keyed by camera id, published by
	 * catalog-api and followed by processing-service; a tombstone deletes the camera's
	 * settings.
	 */
	public static final String CAMERA_DETECTION = "camera.detection";

	/** {@link EdgeHeartbeat} records, compacted, keyed by edge node id. */
	public static final String EDGE_HEARTBEAT = "edge.heartbeat";

	/**
	 * {@link MotionEventChanged} records, keyed by camera id, published by catalog-api.
	 */
	public static final String MOTION_EVENTS = "motion.events";

	private Topics() {
	}

	/**
	 * The dead-letter topic of one consumer group on one topic.
	 * @param topic the consumed topic
	 * @param group the consumer group
	 * @return {@code <topic>.<group>.dlq}
	 */
	public static String deadLetter(String topic, String group) {
		return topic + "." + group + ".dlq";
	}

}
