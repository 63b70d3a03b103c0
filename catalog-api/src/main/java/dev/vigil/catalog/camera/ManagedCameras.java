package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.web.ApiException;
import dev.vigil.contracts.CameraPasswordHash;
import dev.vigil.contracts.UploadProtocol;

/**
 * Cameras the platform manages: their settings and login are the source of truth that the
 * edges follow through {@code camera.config}. Every change bumps the camera's revision
 * and is published; the password is hashed here and never stored or sent in clear.
 */
@Component
public class ManagedCameras {

	private final MongoTemplate mongo;

	private final CameraConfigPublisher publisher;

	private final CameraProperties properties;

	private final CameraDetectionPublisher detections;

	ManagedCameras(MongoTemplate mongo, CameraConfigPublisher publisher, CameraProperties properties,
			CameraDetectionPublisher detections) {
		this.mongo = mongo;
		this.publisher = publisher;
		this.properties = properties;
		this.detections = detections;
	}

	/**
	 * Adds a camera (or takes over one that registered itself by uploading) with a new
	 * password.
	 * @return the camera and the password, which is shown once and never again
	 * @throws ApiException 409 when the platform already manages a camera with this id
	 */
	public Created create(NewCamera camera) {
		if (this.mongo.exists(Query.query(Criteria.where("_id").is(camera.id())), CameraCredentials.class)) {
			throw new ApiException(HttpStatus.CONFLICT, "camera-exists", "Camera exists",
					"A camera with id " + camera.id() + " already exists");
		}
		String password = CameraPasswordHash.generatePassword();
		this.mongo.save(new CameraCredentials(camera.id(), camera.id(),
				CameraPasswordHash.hash(password, this.properties.passwordIterations()), Instant.now()));
		Update update = new Update().set("name", camera.name())
			.set("edgeNodeId", camera.edgeNodeId())
			.set("timeZone", camera.timeZone())
			.set("protocol", camera.protocol())
			.set("allowedSources", camera.allowedSources())
			.set("enabled", true);
		CameraDocument created = bump(camera.id(), update, true);
		return new Created(created, camera.id(), password);
	}

	/**
	 * A new password for a managed camera; the old one stops working once the edge has
	 * the new hash.
	 * @return the new password, shown once
	 */
	public String resetPassword(String cameraId) {
		CameraCredentials current = credentials(cameraId)
			.orElseThrow(() -> ApiException.notFound("managed camera", cameraId));
		String password = CameraPasswordHash.generatePassword();
		this.mongo.save(new CameraCredentials(cameraId, current.user(),
				CameraPasswordHash.hash(password, this.properties.passwordIterations()), Instant.now()));
		bump(cameraId, new Update(), false);
		return password;
	}

	/**
	 * After a change to a camera's settings: managed cameras publish them to their edge.
	 * @param cameraId the camera
	 */
	public void changed(String cameraId) {
		CameraDocument camera = this.mongo.findById(cameraId, CameraDocument.class);
		if (camera != null && camera.managed()) {
			bump(cameraId, new Update(), false);
		}
	}

	/**
	 * Removes a camera: its document and login, and tombstones tell its edge to drop the
	 * account and processing to forget its detection settings. Media is not touched here.
	 * @return whether there was such a camera
	 */
	public boolean delete(String cameraId) {
		CameraDocument camera = this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(cameraId)),
				CameraDocument.class);
		this.mongo.remove(Query.query(Criteria.where("_id").is(cameraId)), CameraCredentials.class);
		Long revision = (camera != null) ? camera.configRevision() : null;
		if (revision != null) {
			this.publisher.changed(cameraId, revision + 1);
		}
		if (camera != null) {
			this.detections.deleted(camera);
		}
		return camera != null;
	}

	/** The login name of a managed camera. */
	public Optional<String> user(String cameraId) {
		return credentials(cameraId).map(CameraCredentials::user);
	}

	private Optional<CameraCredentials> credentials(String cameraId) {
		return Optional.ofNullable(this.mongo.findById(cameraId, CameraCredentials.class));
	}

	/**
	 * One atomic update: a new camera starts at the clock (so a camera deleted and added
	 * again outranks whatever an offline edge still holds), every later change adds one,
	 * so two concurrent changes never share a revision.
	 */
	private CameraDocument bump(String cameraId, Update update, boolean create) {
		if (create) {
			update.max("configRevision", Instant.now().toEpochMilli());
		}
		else {
			update.inc("configRevision", 1);
		}
		CameraDocument updated = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(cameraId)), update,
				FindAndModifyOptions.options().returnNew(true).upsert(create), CameraDocument.class);
		if (updated == null || updated.configRevision() == null) {
			throw ApiException.notFound("camera", cameraId);
		}
		this.publisher.changed(cameraId, updated.configRevision());
		return updated;
	}

	/**
	 * A camera to add.
	 *
	 * @param id camera id (and login name)
	 * @param name display name
	 * @param edgeNodeId the edge it uploads to
	 * @param protocol how it uploads
	 * @param timeZone IANA zone of its clock
	 * @param allowedSources CIDRs it may log in from
	 */
	public record NewCamera(String id, String name, String edgeNodeId, UploadProtocol protocol, String timeZone,
			List<String> allowedSources) {

	}

	/**
	 * A camera just added.
	 *
	 * @param camera the camera
	 * @param user its login name
	 * @param password its password, shown once
	 */
	public record Created(CameraDocument camera, String user, String password) {

	}

}
