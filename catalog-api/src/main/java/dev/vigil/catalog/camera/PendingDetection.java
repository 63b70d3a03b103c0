package dev.vigil.catalog.camera;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A camera whose detection settings still have to reach {@code camera.detection} (an
 * outbox entry): written with the change, removed once Kafka acknowledged that revision,
 * retried until then.
 *
 * @param id camera id
 * @param revision the revision to publish; a tombstone when the camera is gone
 */
@Document("camera_detection_outbox")
record PendingDetection(@Id String id, long revision) {

}
