package dev.vigil.catalog.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.contracts.Snapshot;

/**
 * Turns recomputed events into {@code MotionEventChanged} records in the outbox: opened
 * when an event first appears, updated when it gains a label or a higher score, closed
 * after the quiet gap or when it was merged away. Called under the camera's
 * {@link CameraLock}.
 *
 * <p>
 * Without transactions the outbox entry is written before the state: a crash in between
 * writes the same entry again next time ({@code <event>#<revision>} is its id, so the
 * second insert is a no-op), never loses one.
 */
@Component
class MotionEventJournal {

	private static final Logger log = LoggerFactory.getLogger(MotionEventJournal.class);

	private final MongoTemplate mongo;

	private final EventCodec codec;

	private final MotionEventProperties properties;

	private final Clock clock;

	MotionEventJournal(MongoTemplate mongo, EventCodec codec, MotionEventProperties properties) {
		this.mongo = mongo;
		this.codec = codec;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Records an event as recomputed from its media.
	 * @param event the event as saved
	 * @param media its media
	 */
	void observed(EventDocument event, List<MediaDocument> media) {
		if (!this.properties.enabled()) {
			return;
		}
		List<LabelScore> labels = bestLabels(media);
		Snapshot snapshot = snapshot(event, media);
		MotionEventState state = this.mongo.findById(event.id(), MotionEventState.class);
		boolean grew = state == null || state.mediaCount() != event.mediaCount() || !state.end().equals(event.end());
		MotionEventChange change = null;
		if (state == null) {
			change = MotionEventChange.OPENED;
		}
		else if (improves(labels, state.labels()) || (!state.open() && grew)) {
			change = MotionEventChange.UPDATED;
		}
		if (change == null && !grew) {
			return;
		}
		Instant now = this.clock.instant();
		int revision = (state == null) ? 1 : state.revision() + ((change != null) ? 1 : 0);
		if (change != null) {
			append(new MotionEventChanged(UUID.randomUUID(), event.id(), revision, change, event.cameraId(),
					event.start(), event.end(), event.mediaCount(), labels, snapshot, now,
					MotionEventChanged.CURRENT_SCHEMA_VERSION));
		}
		this.mongo.save(new MotionEventState(event.id(), event.cameraId(), revision, true, now, event.start(),
				event.end(), event.mediaCount(), labels, snapshot));
	}

	/**
	 * Closes an event that no longer exists (merged into another, or its media deleted).
	 * @param eventId the removed event
	 */
	void removed(String eventId) {
		if (!this.properties.enabled()) {
			return;
		}
		MotionEventState state = this.mongo.findById(eventId, MotionEventState.class);
		if (state != null && state.open()) {
			close(state);
		}
	}

	/**
	 * Closes one event if it is still open and quiet for the gap. Called under the
	 * camera's lock by {@link MotionEventCloser}.
	 * @param eventId the event
	 */
	void closeIfQuiet(String eventId) {
		MotionEventState state = this.mongo.findById(eventId, MotionEventState.class);
		if (state != null && state.open() && !state.lastChangeAt().isAfter(quietSince())) {
			close(state);
		}
	}

	/**
	 * Events open and quiet for the gap.
	 * @param limit at most this many
	 * @return their states
	 */
	List<MotionEventState> quiet(int limit) {
		Query query = Query.query(Criteria.where("open").is(true).and("lastChangeAt").lte(quietSince())).limit(limit);
		return this.mongo.find(query, MotionEventState.class);
	}

	private Instant quietSince() {
		return this.clock.instant().minus(this.properties.quietGap());
	}

	private void close(MotionEventState state) {
		Instant now = this.clock.instant();
		int revision = state.revision() + 1;
		append(new MotionEventChanged(UUID.randomUUID(), state.id(), revision, MotionEventChange.CLOSED,
				state.cameraId(), state.start(), state.end(), state.mediaCount(), state.labels(), state.snapshot(), now,
				MotionEventChanged.CURRENT_SCHEMA_VERSION));
		this.mongo.save(new MotionEventState(state.id(), state.cameraId(), revision, false, now, state.start(),
				state.end(), state.mediaCount(), state.labels(), state.snapshot()));
	}

	private void append(MotionEventChanged record) {
		String id = record.motionEventId() + "#" + record.revision();
		try {
			this.mongo.insert(new OutboxEntry(id, record.cameraId(),
					new String(this.codec.write(record), StandardCharsets.UTF_8), record.changedAt(), null, null));
			log.debug("Outbox {} {}", id, record.type());
		}
		catch (DuplicateKeyException ex) {
			// Written before a crash cut the state update short: already queued.
			log.debug("Outbox {} already queued", id);
		}
	}

	/** A label counts as better when it is new or its score rose. */
	static boolean improves(List<LabelScore> now, List<LabelScore> before) {
		Map<String, Double> previous = new LinkedHashMap<>();
		before.forEach((score) -> previous.put(score.label(), score.score()));
		return now.stream().anyMatch((score) -> {
			Double old = previous.get(score.label());
			return old == null || score.score() > old;
		});
	}

	/** The best detection per label with the thumbnail of the media it came from. */
	static List<LabelScore> bestLabels(List<MediaDocument> media) {
		Map<String, LabelScore> best = new LinkedHashMap<>();
		for (MediaDocument item : media) {
			if (item.detections() == null) {
				continue;
			}
			for (MediaDocument.StoredDetection detection : item.detections()) {
				LabelScore current = best.get(detection.label());
				if (current == null || detection.confidence() > current.score()) {
					best.put(detection.label(),
							new LabelScore(detection.label(), detection.confidence(), snapshotOf(item)));
				}
			}
		}
		List<LabelScore> labels = new ArrayList<>(best.values());
		labels.sort(Comparator.comparing(LabelScore::score).reversed().thenComparing(LabelScore::label));
		return labels;
	}

	private static @Nullable Snapshot snapshot(EventDocument event, List<MediaDocument> media) {
		return media.stream()
			.filter((item) -> item.id().equals(event.thumbnailMediaId()))
			.findFirst()
			.map(MotionEventJournal::snapshotOf)
			.orElse(null);
	}

	private static @Nullable Snapshot snapshotOf(MediaDocument item) {
		if (item.thumbnailKey() == null || item.bucket() == null) {
			return null;
		}
		return new Snapshot(item.id(), item.bucket(), item.thumbnailKey());
	}

}
