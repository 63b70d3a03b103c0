package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.security.CameraScope;

/**
 * Cameras in MongoDB. Registration is an upsert that only sets what the upload knows, so
 * an admin's edits (name, time zone, settings) survive later uploads.
 */
@Component
@EnableConfigurationProperties(CameraProperties.class)
public class CameraRegistry {

	private final MongoTemplate mongo;

	CameraRegistry(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Registers a camera on its first upload and records the latest upload afterwards.
	 * @param cameraId camera
	 * @param edgeNodeId the edge that received the upload
	 * @param receivedAt when it was received
	 */
	public void recordUpload(String cameraId, String edgeNodeId, Instant receivedAt) {
		Update update = new Update().setOnInsert("name", cameraId)
			.setOnInsert("registeredAt", receivedAt)
			.set("edgeNodeId", edgeNodeId)
			.max("lastUploadAt", receivedAt);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(cameraId)), update, CameraDocument.class);
	}

	public boolean exists(String cameraId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(cameraId)), CameraDocument.class);
	}

	public java.util.Optional<CameraDocument> find(String cameraId) {
		return java.util.Optional.ofNullable(this.mongo.findById(cameraId, CameraDocument.class));
	}

	public List<CameraDocument> findAll(CameraScope scope) {
		Criteria criteria = scope.restrict("_id", null);
		Query query = (criteria != null) ? Query.query(criteria) : new Query();
		return this.mongo.find(query.with(Sort.by("_id")), CameraDocument.class);
	}

	CameraDocument update(String cameraId, Update update) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(cameraId)), update,
				FindAndModifyOptions.options().returnNew(true), CameraDocument.class);
	}

}
