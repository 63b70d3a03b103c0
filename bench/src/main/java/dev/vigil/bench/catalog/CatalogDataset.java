package dev.vigil.bench.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.bson.Document;

/**
 * A deterministic catalog as catalog-api would have indexed it after every upload was
 * processed: documents of the {@code cameras}, {@code media} and {@code events}
 * collections with catalog-api's field names and types ({@code MediaDocument},
 * {@code EventDocument}, {@code CameraDocument}).
 * <p>
 * Shape: {@code cameras} cameras, the busiest with three times the media of the quietest;
 * media come in events of 1 to 5 items (3 on average) a few seconds apart, events of one
 * camera more than the stitching gap (60 s) apart, all capture times (whole seconds, as
 * file names give them) within {@code days} days before {@code end}; ~10 % videos; ~20 %
 * of the media show a person, correlated within an event, with confidences from a bimodal
 * distribution (a true-positive mode near 0.86, a false-positive mode near 0.38). The
 * same seed and size give the same documents.
 *
 * @param seed random seed
 * @param mediaCount media documents
 * @param cameras cameras
 * @param days capture times span
 * @param end latest capture time
 */
public record CatalogDataset(long seed, int mediaCount, int cameras, int days, Instant end) {

	/** Stitching gap of catalog-api ({@code vigil.catalog.events.gap}). */
	static final Duration EVENT_GAP = Duration.ofSeconds(60);

	/** Share of events in which a person appears. */
	static final double PERSON_EVENT_SHARE = 0.22;

	/** In such an event, share of its media on which the person is detected. */
	static final double PERSON_MEDIA_SHARE = 0.9;

	/** Share of videos. */
	static final double VIDEO_SHARE = 0.1;

	private static final double[] EVENT_SIZE_WEIGHTS = { 0.15, 0.2, 0.3, 0.2, 0.15 };

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter HOUR_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SNAP_NAME = DateTimeFormatter
		.ofPattern("'MDAlarm_'yyyyMMdd-HHmmss'.jpg'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter CLIP_NAME = DateTimeFormatter
		.ofPattern("'MDalarm_'yyyyMMdd_HHmmss'.mkv'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	public CatalogDataset {
		if (mediaCount < 1 || cameras < 1 || cameras > 99 || days < 1) {
			throw new IllegalArgumentException("Need media ≥ 1, 1 ≤ cameras ≤ 99, days ≥ 1");
		}
	}

	/**
	 * The standard benchmark catalog: 20 cameras, 30 days ending 2026-11-01.
	 * @param mediaCount media documents
	 * @return the dataset
	 */
	public static CatalogDataset standard(int mediaCount) {
		return new CatalogDataset(20261125L, mediaCount, 20, 30, Instant.parse("2026-11-01T00:00:00Z"));
	}

	/**
	 * Camera id.
	 * @param camera index
	 * @return e.g. {@code cam-07}
	 */
	public static String cameraId(int camera) {
		return String.format(Locale.ROOT, "cam-%02d", camera + 1);
	}

	/**
	 * Media of one camera: weights fall linearly from 1.5 (first camera) to 0.5 (last);
	 * the first camera takes the rounding remainder.
	 * @param camera index
	 * @return its media count
	 */
	int mediaOf(int camera) {
		if (this.cameras == 1) {
			return this.mediaCount;
		}
		double total = 0;
		for (int c = 0; c < this.cameras; c++) {
			total += weight(c);
		}
		int assigned = 0;
		int own = 0;
		for (int c = 0; c < this.cameras; c++) {
			int count = (int) Math.floor(this.mediaCount * weight(c) / total);
			assigned += count;
			if (c == camera) {
				own = count;
			}
		}
		return (camera == 0) ? own + this.mediaCount - assigned : own;
	}

	private double weight(int camera) {
		return 1.5 - (double) camera / (this.cameras - 1);
	}

	/**
	 * The camera documents (registered by their first upload).
	 * @param summary the summary of a generated catalog, for first and last upload
	 * @return one document per camera with media
	 */
	public List<Document> cameraDocuments(Summary summary) {
		List<Document> documents = new ArrayList<>();
		for (CameraSummary camera : summary.cameras()) {
			documents.add(new Document("_id", camera.id()).append("name", camera.id())
				.append("registeredAt", Date.from(camera.firstReceived()))
				.append("edgeNodeId", "edge-01")
				.append("lastUploadAt", Date.from(camera.lastReceived())));
		}
		return documents;
	}

	/**
	 * Generates the catalog, camera after camera, each event after its media.
	 * @param sink receives the documents
	 * @return what was generated
	 */
	public Summary generate(Sink sink) {
		Instant start = this.end.minus(Duration.ofDays(this.days));
		List<CameraSummary> cameraSummaries = new ArrayList<>();
		List<String> sampleIds = new ArrayList<>();
		int sampleEvery = Math.max(1, (this.mediaCount + 999) / 1000);
		long[] totals = new long[4];
		long events = 0;
		int index = 0;
		for (int camera = 0; camera < this.cameras; camera++) {
			int count = mediaOf(camera);
			if (count == 0) {
				continue;
			}
			String cameraId = cameraId(camera);
			SplittableRandom random = new SplittableRandom(this.seed * 1_000_003L + camera);
			Timeline timeline = Timeline.draw(random, count, Duration.between(start, this.end).toSeconds());
			long second = start.getEpochSecond();
			Instant firstReceived = null;
			Instant lastReceived = null;
			Instant firstTaken = null;
			Instant lastTaken = null;
			int produced = 0;
			for (int event = 0; event < timeline.sizes.length; event++) {
				if (event > 0) {
					second += timeline.gapsBefore[event];
				}
				boolean personEvent = random.nextDouble() < PERSON_EVENT_SHARE;
				List<Document> media = new ArrayList<>();
				for (int item = 0; item < timeline.sizes[event]; item++) {
					if (item > 0) {
						second += timeline.within[produced];
					}
					Document document = media(random, cameraId, camera, index, Instant.ofEpochSecond(second),
							personEvent);
					media.add(document);
					if (index % sampleEvery == 0) {
						sampleIds.add(document.getString("_id"));
					}
					Instant received = document.getDate("receivedAt").toInstant();
					firstReceived = (firstReceived == null) ? received : firstReceived;
					lastReceived = received;
					firstTaken = (firstTaken == null) ? Instant.ofEpochSecond(second) : firstTaken;
					lastTaken = Instant.ofEpochSecond(second);
					totals[0]++;
					totals[1] += "VIDEO".equals(document.getString("kind")) ? 1 : 0;
					totals[2] += (document.getDouble("personConfidence") > 0) ? 1 : 0;
					totals[3] += (document.getDouble("personConfidence") >= 0.6) ? 1 : 0;
					index++;
					produced++;
				}
				Document eventDocument = event(cameraId, media);
				for (Document item : media) {
					item.append("eventId", eventDocument.getString("_id"));
					sink.media(item);
				}
				sink.event(eventDocument);
				events++;
			}
			cameraSummaries
				.add(new CameraSummary(cameraId, produced, firstTaken, lastTaken, firstReceived, lastReceived));
		}
		return new Summary(totals[0], totals[1], totals[2], totals[3], events, cameraSummaries, sampleIds);
	}

	private Document media(SplittableRandom random, String cameraId, int camera, int index, Instant taken,
			boolean personEvent) {
		boolean video = random.nextDouble() < VIDEO_SHARE;
		String sha256 = mediaId(index);
		// catalog-api's media id: content belongs to the camera that sent it.
		String id = cameraId + "." + sha256;
		Instant received = taken.plusMillis(300 + random.nextInt(2700));
		Instant processed = received.plusMillis(200 + random.nextInt(1800));
		String device = String.format(Locale.ROOT, "00626E5A2B%02X", camera);
		String hour = HOUR_PATH.format(taken);
		String derived = "derived/" + cameraId + "/" + hour + "/" + sha256 + "/";
		long durationMs = video ? 5_000 + random.nextInt(55_000) : 0;
		List<Document> detections = new ArrayList<>();
		double person = 0;
		if (personEvent && random.nextDouble() < PERSON_MEDIA_SHARE) {
			int people = (random.nextDouble() < 0.7) ? 1 : 2;
			for (int p = 0; p < people; p++) {
				double confidence = personConfidence(random);
				person = Math.max(person, confidence);
				int width = 60 + random.nextInt(240);
				int height = width * 2 + random.nextInt(40);
				detections.add(new Document("label", "person").append("confidence", confidence)
					.append("x", random.nextInt(1280 - width))
					.append("y", random.nextInt(Math.max(1, 720 - height)))
					.append("width", width)
					.append("height", height)
					.append("frameMs", video ? (long) random.nextInt((int) durationMs) : null)
					.append("bucket", Math.min(9, (int) Math.floor(confidence * 10))));
			}
		}
		Document media = new Document("_id", id).append("sha256", sha256)
			.append("cameraId", cameraId)
			.append("edgeNodeId", "edge-01")
			.append("kind", video ? "VIDEO" : "IMAGE")
			.append("contentType", video ? "video/x-matroska" : "image/jpeg")
			.append("sizeBytes", video ? 1_000_000L + random.nextInt(19_000_000) : 80_000L + random.nextInt(320_000))
			.append("bucket", "vigil-media")
			.append("objectKey", "originals/" + cameraId + "/" + hour + "/" + sha256 + (video ? ".mkv" : ".jpg"))
			.append("originalPath",
					cameraId + "/" + device
							+ (video ? "/record/" + CLIP_NAME.format(taken) : "/snap/" + SNAP_NAME.format(taken)))
			.append("capturedAt", Date.from(taken))
			.append("capturedAtSource", "FILENAME")
			.append("receivedAt", Date.from(received))
			.append("uploadEventId", uuid(random))
			.append("status", "OK")
			.append("legalHold", false)
			.append("thumbnailKey", derived + "thumb.jpg")
			.append("posterKey", video ? derived + "poster.jpg" : null)
			.append("renditionKey", video ? derived + "h264.mp4" : null)
			.append("width", 1280)
			.append("height", 720)
			.append("durationMs", video ? durationMs : null)
			.append("contentCapturedAt", null)
			.append("cameraModel", video ? null : "Foscam FI9821P")
			.append("videoCodec", video ? "h264" : null)
			.append("detections", detections)
			.append("detectorName", "opencv-hog")
			.append("detectorVersion", "4.9.0")
			.append("processingMs", (long) (video ? 2_000 + random.nextInt(8_000) : 60 + random.nextInt(140)))
			.append("reason", null)
			.append("processedAt", Date.from(processed))
			.append("processEventId", uuid(random))
			.append("personConfidence", person)
			.append("takenAt", Date.from(taken))
			.append("day", DAY.format(taken))
			.append("listed", true)
			.append("version", 3L);
		return media;
	}

	/**
	 * A person confidence from the bimodal mixture, in [0.05, 0.99].
	 * @param random the source
	 * @return the confidence, rounded to 4 decimals as detectors report
	 */
	static double personConfidence(SplittableRandom random) {
		boolean truePositive = random.nextDouble() < 0.65;
		double value = truePositive ? 0.86 + 0.06 * gaussian(random) : 0.38 + 0.10 * gaussian(random);
		value = Math.max(0.05, Math.min(0.99, value));
		return Math.round(value * 10_000) / 10_000.0;
	}

	private static double gaussian(SplittableRandom random) {
		// Box-Muller by hand, so the values depend on the seed alone and not on the JDK's
		// choice of algorithm.
		double u1 = 1.0 - random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	private static Document event(String cameraId, List<Document> media) {
		Instant start = media.getFirst().getDate("takenAt").toInstant();
		Instant end = media.getLast().getDate("takenAt").toInstant();
		int videos = 0;
		long bytes = 0;
		double person = 0;
		Document cover = null;
		for (Document item : media) {
			videos += "VIDEO".equals(item.getString("kind")) ? 1 : 0;
			bytes += item.getLong("sizeBytes");
			double confidence = item.getDouble("personConfidence");
			person = Math.max(person, confidence);
			if (cover == null || confidence > cover.getDouble("personConfidence")) {
				cover = item;
			}
		}
		List<Document> labels = (person > 0) ? List.of(new Document("label", "person").append("confidence", person))
				: List.of();
		return new Document("_id", cameraId + "." + start.toEpochMilli()).append("cameraId", cameraId)
			.append("start", Date.from(start))
			.append("end", Date.from(end))
			.append("mediaCount", media.size())
			.append("imageCount", media.size() - videos)
			.append("videoCount", videos)
			.append("totalBytes", bytes)
			.append("thumbnailMediaId", cover.getString("_id"))
			.append("thumbnailKey", cover.getString("thumbnailKey"))
			.append("maxPersonConfidence", person)
			.append("labels", labels)
			.append("legalHold", false)
			.append("_class", "dev.vigil.catalog.event.EventDocument");
	}

	/**
	 * Media id: a SHA-256 in hex, as the edge computes from the content.
	 * @param index media index
	 * @return 64 hex digits
	 */
	String mediaId(int index) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest((this.seed + ":" + index).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String uuid(SplittableRandom random) {
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
			.toString();
	}

	/**
	 * Receives generated documents.
	 */
	public interface Sink {

		void media(Document media);

		void event(Document event);

	}

	/**
	 * What a generation produced.
	 *
	 * @param media media documents
	 * @param videos of which videos
	 * @param withPerson media with a person detection
	 * @param personAtLeast06 media with a person of confidence ≥ 0.6
	 * @param events event documents
	 * @param cameras per camera
	 * @param sampleIds every n-th media id (about 1000), for by-id reads
	 */
	public record Summary(long media, long videos, long withPerson, long personAtLeast06, long events,
			List<CameraSummary> cameras, List<String> sampleIds) {

	}

	/**
	 * One camera's part.
	 *
	 * @param id camera id
	 * @param media its media
	 * @param firstTaken earliest capture time
	 * @param lastTaken latest capture time
	 * @param firstReceived first upload received
	 * @param lastReceived last upload received
	 */
	public record CameraSummary(String id, int media, Instant firstTaken, Instant lastTaken, Instant firstReceived,
			Instant lastReceived) {

	}

	/**
	 * One camera's event sizes and the gaps (seconds) between its media. Drawn first, so
	 * that the gaps between events can be scaled to fill the span exactly (never below
	 * the stitching gap).
	 */
	private static final class Timeline {

		final int[] sizes;

		final long[] gapsBefore;

		final long[] within;

		private Timeline(int[] sizes, long[] gapsBefore, long[] within) {
			this.sizes = sizes;
			this.gapsBefore = gapsBefore;
			this.within = within;
		}

		static Timeline draw(SplittableRandom random, int media, long spanSeconds) {
			List<Integer> sizes = new ArrayList<>();
			int left = media;
			while (left > 0) {
				int size = Math.min(left, eventSize(random));
				sizes.add(size);
				left -= size;
			}
			long[] within = new long[media];
			long fixed = 0;
			for (int i = 0; i < media; i++) {
				within[i] = 1 + random.nextInt(10);
			}
			int[] sizeArray = sizes.stream().mapToInt(Integer::intValue).toArray();
			int position = 0;
			for (int size : sizeArray) {
				for (int item = 1; item < size; item++) {
					fixed += within[position + item];
				}
				position += size;
			}
			long minimumGap = EVENT_GAP.toSeconds() + 1;
			double[] extra = new double[sizeArray.length];
			double extraSum = 0;
			for (int i = 1; i < extra.length; i++) {
				extra[i] = -Math.log(1.0 - random.nextDouble());
				extraSum += extra[i];
				fixed += minimumGap;
			}
			double room = Math.max(0, spanSeconds - fixed);
			long[] gaps = new long[sizeArray.length];
			for (int i = 1; i < gaps.length; i++) {
				gaps[i] = minimumGap + (long) Math.floor((extraSum > 0) ? extra[i] * room / extraSum : 0);
			}
			return new Timeline(sizeArray, gaps, within);
		}

		private static int eventSize(SplittableRandom random) {
			double draw = random.nextDouble();
			for (int i = 0; i < EVENT_SIZE_WEIGHTS.length; i++) {
				draw -= EVENT_SIZE_WEIGHTS[i];
				if (draw < 0) {
					return i + 1;
				}
			}
			return EVENT_SIZE_WEIGHTS.length;
		}

	}

}
