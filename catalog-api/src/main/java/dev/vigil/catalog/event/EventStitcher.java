package dev.vigil.catalog.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.vigil.catalog.event.EventDocument.LabelConfidence;
import dev.vigil.catalog.media.MediaDocument;
import dev.vigil.catalog.media.TimelineChanged;
import dev.vigil.contracts.MediaKind;

/**
 * Recomputes the events around a changed upload, on every {@link TimelineChanged} the
 * media indexer publishes (synchronously, on the indexing thread). The window is widened
 * left and right until a gap longer than the window bounds it on both sides, so the
 * events inside it depend only on the media inside it; they are rewritten from scratch
 * and stale events that overlapped it are removed. Running it again changes nothing, and
 * any arrival order ends in the same events.
 *
 * <p>
 * Without transactions (the MongoDB wire server has none) concurrent recomputes of one
 * camera could interleave, so they are serialised per camera by {@link CameraLock}, also
 * across replicas.
 */
@Component
@EnableConfigurationProperties({ EventProperties.class, MotionEventProperties.class })
class EventStitcher {

	// Bounds the walk over an endless stream of uploads spaced just under the gap.
	private static final int MAX_EXPANSION_STEPS = 10_000;

	private final MongoTemplate mongo;

	private final EventProperties properties;

	private final CameraLock lock;

	private final MotionEventJournal journal;

	EventStitcher(MongoTemplate mongo, EventProperties properties, CameraLock lock, MotionEventJournal journal) {
		this.mongo = mongo;
		this.properties = properties;
		this.lock = lock;
		this.journal = journal;
	}

	@EventListener
	void on(TimelineChanged change) {
		restitch(change.cameraId(), change.previous(), change.current());
	}

	/**
	 * Recomputes the events around an upload whose time (or content) changed.
	 * @param cameraId the camera
	 * @param previous the upload's previous time, if it had one and it differs
	 * @param current the upload's time now, or null when it was removed
	 */
	void restitch(String cameraId, @Nullable Instant previous, @Nullable Instant current) {
		this.lock.run(cameraId, () -> {
			if (current != null) {
				restitchAround(cameraId, current);
			}
			if (previous != null && !previous.equals(current)) {
				restitchAround(cameraId, previous);
			}
		});
	}

	private void restitchAround(String cameraId, Instant at) {
		Instant start = expand(cameraId, at, true);
		Instant end = expand(cameraId, at, false);
		List<MediaDocument> media = this.mongo.find(Query.query(listed(cameraId).and("takenAt").gte(start).lte(end)),
				MediaDocument.class);
		List<List<MediaDocument>> groups = Stitching.split(media, MediaDocument::takenAt,
				Comparator.comparing(MediaDocument::id), this.properties.gap());
		Set<String> ids = new HashSet<>();
		for (List<MediaDocument> group : groups) {
			EventDocument event = summarise(cameraId, group);
			ids.add(event.id());
			this.mongo.save(event);
			this.journal.observed(event, group);
			List<String> mediaIds = group.stream().map(MediaDocument::id).toList();
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(mediaIds).and("eventId").ne(event.id())),
					Update.update("eventId", event.id()), MediaDocument.class);
		}
		// Events that overlapped the window but no longer exist: merged, split or
		// emptied.
		List<EventDocument> stale = this.mongo.findAllAndRemove(Query.query(Criteria.where("cameraId")
			.is(cameraId)
			.and("_id")
			.nin(ids)
			.and("start")
			.lte(end)
			.and("end")
			.gte(start)), EventDocument.class);
		stale.forEach((event) -> this.journal.removed(event.id()));
	}

	/**
	 * Walks from {@code at} to the edge of its run of uploads: repeatedly jumps to the
	 * farthest upload within one gap, until there is none.
	 */
	private Instant expand(String cameraId, Instant at, boolean left) {
		Instant edge = at;
		for (int step = 0; step < MAX_EXPANSION_STEPS; step++) {
			Criteria range = left ? listed(cameraId).and("takenAt").gte(edge.minus(this.properties.gap())).lt(edge)
					: listed(cameraId).and("takenAt").gt(edge).lte(edge.plus(this.properties.gap()));
			Query query = Query.query(range)
				.with(Sort.by(left ? Sort.Direction.ASC : Sort.Direction.DESC, "takenAt"))
				.limit(1);
			query.fields().include("takenAt", "cameraId");
			MediaDocument next = this.mongo.findOne(query, MediaDocument.class);
			if (next == null || next.takenAt() == null) {
				return edge;
			}
			edge = next.takenAt();
		}
		return edge;
	}

	private static Criteria listed(String cameraId) {
		return Criteria.where("cameraId").is(cameraId).and("listed").is(true).and("deletedAt").is(null);
	}

	private EventDocument summarise(String cameraId, List<MediaDocument> group) {
		MediaDocument first = group.getFirst();
		Instant start = Objects.requireNonNull(first.takenAt());
		Instant end = Objects.requireNonNull(group.getLast().takenAt());
		int images = 0;
		int videos = 0;
		long bytes = 0;
		double person = 0;
		boolean held = false;
		MediaDocument cover = null;
		Map<String, Double> labels = new LinkedHashMap<>();
		for (MediaDocument media : group) {
			if (media.kind() == MediaKind.VIDEO) {
				videos++;
			}
			else {
				images++;
			}
			bytes += (media.sizeBytes() != null) ? media.sizeBytes() : 0;
			double confidence = (media.personConfidence() != null) ? media.personConfidence() : 0;
			person = Math.max(person, confidence);
			held |= Boolean.TRUE.equals(media.legalHold());
			if (media.thumbnailKey() != null && (cover == null || confidence > confidenceOf(cover))) {
				cover = media;
			}
			if (media.detections() != null) {
				media.detections().forEach((d) -> labels.merge(d.label(), d.confidence(), Math::max));
			}
		}
		List<LabelConfidence> labelList = new ArrayList<>();
		labels.forEach((label, confidence) -> labelList.add(new LabelConfidence(label, confidence)));
		labelList.sort(Comparator.comparing(LabelConfidence::label));
		return new EventDocument(Stitching.eventId(cameraId, start), cameraId, start, end, group.size(), images, videos,
				bytes, (cover != null) ? cover.id() : null, (cover != null) ? cover.thumbnailKey() : null, person,
				labelList, held);
	}

	private static double confidenceOf(MediaDocument media) {
		return (media.personConfidence() != null) ? media.personConfidence() : 0;
	}

}
