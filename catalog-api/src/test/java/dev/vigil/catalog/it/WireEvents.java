package dev.vigil.catalog.it;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.DerivedKeys;
import dev.vigil.contracts.Detection;
import dev.vigil.contracts.DetectorInfo;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.ProcessingStatus;
import dev.vigil.contracts.Topics;

/**
 * Publishes wire events to the real broker the way producers do: JSON, keyed by camera.
 */
final class WireEvents implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The bucket named in events: the one the devstack made. */
	static String bucket = "vigil-media";

	private final KafkaProducer<String, String> producer;

	WireEvents(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer());
	}

	void uploaded(MediaUploaded event) {
		send(Topics.MEDIA_UPLOADED, event.cameraId(), Api.JSON.writeValueAsString(event));
	}

	void processed(MediaProcessed event) {
		send(Topics.MEDIA_PROCESSED, event.cameraId(), Api.JSON.writeValueAsString(event));
	}

	void send(String topic, String key, String json) {
		try {
			this.producer.send(new ProducerRecord<>(topic, key, json)).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

	static String mediaId() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String camera(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static MediaUploaded upload(String camera, String mediaId, Instant capturedAt, MediaKind kind) {
		return upload(camera, mediaId, capturedAt, kind,
				"originals/" + camera + "/" + mediaId + ((kind == MediaKind.VIDEO) ? ".mkv" : ".jpg"), 1000);
	}

	static MediaUploaded upload(String camera, String mediaId, Instant capturedAt, MediaKind kind, String objectKey,
			long size) {
		return new MediaUploaded(UUID.randomUUID(), mediaId, "edge-it", camera, objectKey, bucket,
				(kind == MediaKind.VIDEO) ? "video/x-matroska" : "image/jpeg", size, mediaId,
				camera + "/snap/MDAlarm.jpg", capturedAt, CaptureTimeSource.FILENAME, capturedAt.plusSeconds(2), kind,
				1);
	}

	/** An upload whose file name gave no capture time: only the receive time is known. */
	static MediaUploaded uploadWithoutCaptureTime(String camera, String mediaId, Instant receivedAt) {
		return new MediaUploaded(UUID.randomUUID(), mediaId, "edge-it", camera,
				"originals/" + camera + "/" + mediaId + ".jpg", bucket, "image/jpeg", 1000L, mediaId,
				camera + "/snap/garbled.jpg", null, null, receivedAt, MediaKind.IMAGE, 1);
	}

	/** Processing that read a capture time from the content (EXIF). */
	static MediaProcessed processedWithCaptureTime(String camera, String mediaId, Instant capturedAt) {
		return new MediaProcessed(UUID.randomUUID(), mediaId, camera, DerivedKeys.NONE, 640, 480, null, capturedAt,
				"Foscam FI9821P", null, List.of(), null, 5L, ProcessingStatus.OK, null, capturedAt.plusSeconds(3600),
				1);
	}

	static MediaProcessed processed(String camera, String mediaId, double person, Instant processedAt) {
		List<Detection> detections = (person > 0)
				? List.of(new Detection("person", person, new BoundingBox(10, 20, 30, 40), null)) : List.of();
		return new MediaProcessed(UUID.randomUUID(), mediaId, camera,
				new DerivedKeys("derived/" + camera + "/" + mediaId + "/thumb.jpg", null, null), 640, 480, null, null,
				null, null, detections, new DetectorInfo("opencv-hog", "4.9.0"), 42L, ProcessingStatus.OK, null,
				processedAt, 1);
	}

}
