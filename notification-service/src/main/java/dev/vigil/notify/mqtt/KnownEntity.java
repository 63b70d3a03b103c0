package dev.vigil.notify.mqtt;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A camera × label pair Home Assistant was told about, so it is announced again after a
 * reconnect.
 *
 * @param id {@code <camera>/<label>}
 * @param camera camera id
 * @param label label
 */
@Document(KnownEntity.COLLECTION)
record KnownEntity(@Id String id, String camera, String label) {

	static final String COLLECTION = "mqtt_entities";

}
