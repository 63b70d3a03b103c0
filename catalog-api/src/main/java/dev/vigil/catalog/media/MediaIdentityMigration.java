package dev.vigil.catalog.media;

import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.web.Ids;

/**
 * Moves media documents written when the id was the bare SHA-256 to the per-camera id
 * ({@code <cameraId>.<sha256>}, {@link MediaIds}) and points events' cover media at the
 * new ids. Runs once the beans exist, before the consumers and the web server start.
 * Idempotent and restartable: each document is copied under its new id, then the old one
 * is removed; a copy that already exists (a run cut short) only removes the old one. No
 * transactions are needed, and a crash between the two steps loses nothing.
 */
@Component
class MediaIdentityMigration implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(MediaIdentityMigration.class);

	private static final String EVENTS = "events";

	private static final Pattern BARE = Pattern.compile("^" + Ids.SHA256 + "$");

	private final MongoTemplate mongo;

	MediaIdentityMigration(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int moved = 0;
		int skipped = 0;
		Query old = Query.query(Criteria.where("_id").regex(BARE));
		for (Document document : this.mongo.find(old, Document.class, MediaDocument.COLLECTION)) {
			String sha256 = document.getString("_id");
			String cameraId = document.getString("cameraId");
			if (cameraId == null || !cameraId.matches(Ids.CAMERA)) {
				// Nothing to derive the owner from: left as it is, and said so.
				log.warn("Media {} has no valid cameraId; not migrated", sha256);
				skipped++;
				continue;
			}
			Document moved1 = new Document(document);
			moved1.put("_id", MediaIds.of(cameraId, sha256));
			moved1.put("sha256", sha256);
			try {
				this.mongo.insert(moved1, MediaDocument.COLLECTION);
			}
			catch (DuplicateKeyException ex) {
				// Copied by an earlier run that stopped before removing the original.
			}
			this.mongo.remove(Query.query(Criteria.where("_id").is(sha256)), MediaDocument.COLLECTION);
			this.mongo.updateMulti(
					Query.query(Criteria.where("thumbnailMediaId").is(sha256).and("cameraId").is(cameraId)),
					Update.update("thumbnailMediaId", MediaIds.of(cameraId, sha256)), EVENTS);
			moved++;
		}
		if (moved > 0 || skipped > 0) {
			log.info("Media identity migration: {} documents moved to <cameraId>.<sha256> ids, {} left as they were",
					moved, skipped);
		}
		else {
			log.debug("Media identity migration: nothing to migrate");
		}
	}

}
