package dev.vigil.bench.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import dev.vigil.bench.catalog.CatalogQueryBenchmark.Seeding;
import dev.vigil.bench.run.BenchmarkFailure;

/**
 * Seeds a {@link CatalogDataset} straight into MongoDB: driver {@code insertMany},
 * unordered, in batches; media and events, then cameras; then checks the counts.
 */
final class CatalogSeeding {

	static final int BATCH = 1000;

	private CatalogSeeding() {
	}

	/** Drops the catalog's collections (and so their indexes). */
	static void clear(MongoDatabase db) {
		List<String> existing = db.listCollectionNames().into(new ArrayList<>());
		for (String collection : List.of("media", "events", "cameras")) {
			if (existing.contains(collection)) {
				db.getCollection(collection).drop();
			}
		}
	}

	static Seeding seed(CatalogDataset dataset, MongoDatabase db, Duration limit) throws BenchmarkFailure {
		MongoCollection<Document> media = db.getCollection("media");
		MongoCollection<Document> events = db.getCollection("events");
		InsertManyOptions unordered = new InsertManyOptions().ordered(false);
		long deadline = System.nanoTime() + limit.toNanos();
		long start = System.nanoTime();
		List<Document> mediaBatch = new ArrayList<>(BATCH);
		List<Document> eventBatch = new ArrayList<>(BATCH);
		long[] written = { 0 };
		RuntimeException[] tooSlow = { null };
		CatalogDataset.Summary summary;
		try {
			summary = dataset.generate(new CatalogDataset.Sink() {
				@Override
				public void media(Document document) {
					mediaBatch.add(document);
					if (mediaBatch.size() == BATCH) {
						flush(media, mediaBatch);
					}
				}

				@Override
				public void event(Document document) {
					eventBatch.add(document);
					if (eventBatch.size() == BATCH) {
						flush(events, eventBatch);
					}
				}

				private void flush(MongoCollection<Document> collection, List<Document> batch) {
					if (System.nanoTime() > deadline) {
						tooSlow[0] = new IllegalStateException("deadline");
						throw tooSlow[0];
					}
					collection.insertMany(batch, unordered);
					written[0] += batch.size();
					batch.clear();
				}
			});
		}
		catch (IllegalStateException ex) {
			if (ex != tooSlow[0]) {
				throw ex;
			}
			throw new SeedingTooSlow(String.format(Locale.ROOT,
					"Seeding %,d media did not finish within %d s: %,d documents written (%.0f/s)",
					dataset.mediaCount(), limit.toSeconds(), written[0],
					written[0] / ((System.nanoTime() - start) / 1e9)));
		}
		if (!mediaBatch.isEmpty()) {
			media.insertMany(mediaBatch, unordered);
		}
		if (!eventBatch.isEmpty()) {
			events.insertMany(eventBatch, unordered);
		}
		db.getCollection("cameras").insertMany(dataset.cameraDocuments(summary), unordered);
		double seconds = (System.nanoTime() - start) / 1e9;
		long mediaStored = media.countDocuments();
		long eventsStored = events.countDocuments();
		if (mediaStored != summary.media() || eventsStored != summary.events()) {
			throw new BenchmarkFailure("Seeded " + summary.media() + " media and " + summary.events()
					+ " events, but the database holds " + mediaStored + " and " + eventsStored);
		}
		return new Seeding(summary, seconds);
	}

	/**
	 * Seeding a size took longer than twice its budget.
	 */
	static final class SeedingTooSlow extends BenchmarkFailure {

		SeedingTooSlow(String message) {
			super(message);
		}

	}

}
