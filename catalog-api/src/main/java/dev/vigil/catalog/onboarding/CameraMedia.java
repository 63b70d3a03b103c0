package dev.vigil.catalog.onboarding;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.media.MediaCatalog;
import dev.vigil.catalog.media.MediaDocument;

/**
 * The media of a camera being deleted, when the admin chose to delete it too. Items under
 * legal hold stay (and are counted), like everywhere else.
 */
@Component
class CameraMedia {

	private static final int BATCH = 200;

	private final MongoTemplate mongo;

	private final MediaCatalog media;

	CameraMedia(MongoTemplate mongo, MediaCatalog media) {
		this.mongo = mongo;
		this.media = media;
	}

	Erased erase(String cameraId, String actor) {
		long deleted = 0;
		while (true) {
			List<MediaDocument> batch = this.mongo.find(Query
				.query(Criteria.where("cameraId").is(cameraId).and("deletedAt").is(null).and("legalHold").ne(true))
				.limit(BATCH), MediaDocument.class);
			for (MediaDocument item : batch) {
				this.media.delete(item, actor, "camera " + cameraId + " deleted with its media");
				deleted++;
			}
			if (batch.size() < BATCH) {
				break;
			}
		}
		long held = this.mongo.count(
				Query
					.query(Criteria.where("cameraId").is(cameraId).and("deletedAt").is(null).and("legalHold").is(true)),
				MediaDocument.class);
		return new Erased(deleted, held);
	}

	record Erased(long deleted, long held) {

	}

}
