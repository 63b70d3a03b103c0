package dev.vigil.catalog.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates, before the consumers and the web server start, an index for every query the
 * service runs (creating an existing index is a no-op). Each index names the query it
 * serves. On the MongoDB wire server secondary indexes are accepted but queries scan;
 * speed at scale is measured on real MongoDB.
 */
@Component
class CatalogIndexes implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CatalogIndexes.class);

	private final MongoTemplate mongo;

	CatalogIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		IndexOperations media = this.mongo.indexOps("media");
		// GET /media?camera=..., newest first, cursor on (takenAt, _id); event stitching
		// walks.
		media.createIndex(new Index().on("cameraId", Direction.ASC)
			.on("takenAt", Direction.DESC)
			.on("_id", Direction.DESC)
			.named("camera_takenAt"));
		// GET /media/{sha256}: items by content (one per camera that sent it).
		media.createIndex(new Index().on("sha256", Direction.ASC).named("sha256"));
		// GET /media without a camera (all cameras in scope), newest first.
		media.createIndex(new Index().on("takenAt", Direction.DESC).on("_id", Direction.DESC).named("takenAt"));
		// GET /media?eventId=..., GET /events/{id}.
		media.createIndex(new Index().on("eventId", Direction.ASC).on("takenAt", Direction.DESC).named("event"));
		// GET /media?label=...&minConfidence=...
		media.createIndex(new Index().on("detections.label", Direction.ASC)
			.on("detections.confidence", Direction.DESC)
			.named("label_confidence"));
		// GET /media?minConfidence=... (person).
		media.createIndex(new Index().on("personConfidence", Direction.DESC).named("person_confidence"));
		// GET /media?status=...
		media.createIndex(new Index().on("status", Direction.ASC).on("takenAt", Direction.DESC).named("status"));
		// Retention by age and size per camera and kind, oldest first.
		media.createIndex(new Index().on("cameraId", Direction.ASC)
			.on("kind", Direction.ASC)
			.on("receivedAt", Direction.ASC)
			.named("retention"));
		// GET /stats per day.
		media.createIndex(new Index().on("day", Direction.ASC).on("cameraId", Direction.ASC).named("stats_day"));

		IndexOperations events = this.mongo.indexOps("events");
		events.createIndex(new Index().on("cameraId", Direction.ASC)
			.on("start", Direction.DESC)
			.on("_id", Direction.DESC)
			.named("camera_start"));
		events.createIndex(new Index().on("start", Direction.DESC).on("_id", Direction.DESC).named("start"));
		// Stale-event cleanup after restitching: overlap on (start, end).
		events.createIndex(new Index().on("cameraId", Direction.ASC).on("end", Direction.ASC).named("camera_end"));
		events.createIndex(new Index().on("labels.label", Direction.ASC)
			.on("labels.confidence", Direction.DESC)
			.named("label_confidence"));

		IndexOperations audit = this.mongo.indexOps("audit");
		audit.createIndex(new Index().on("at", Direction.DESC).on("_id", Direction.DESC).named("at"));
		audit.createIndex(new Index().on("action", Direction.ASC).on("at", Direction.DESC).named("action_at"));
		log.info("Catalog indexes are in place");
	}

}
