package dev.vigil.catalog.camera;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A camera whose settings still have to reach {@code camera.config} (an outbox entry):
 * written with the change, removed once Kafka acknowledged that revision, retried until
 * then. So a change made while Kafka is down reaches the edges when it is back.
 *
 * @param id camera id
 * @param revision the revision to publish; a tombstone when the camera is gone
 */
@Document("camera_config_outbox")
record PendingConfig(@Id String id, long revision) {

}
