package dev.vigil.ingest.spool;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable spool: every taken upload is here, fsync'd, before the camera hears 226.
 *
 * <p>
 * Layout under the spool directory:
 * <ul>
 * <li>{@code objects/<seq>.<ext>}: the content (a hard link to the camera's upload when
 * possible, so taking a file costs no copy);</li>
 * <li>{@code journal/journal-<generation>.log}: the append-only {@link Journal}, one
 * CRC-checked line per taken, published or remembered item.</li>
 * </ul>
 * Per upload: content in place, fdatasync of the content, then the journal line goes
 * through {@link GroupCommit}: uploads finishing together share one fsync of
 * {@code objects/} and one of the journal before any of them is answered. The content's
 * name is durable before (or with) its line, so a line never points at missing bytes;
 * content without a line (crash in between: the camera got no 226) is deleted at start.
 */
public class Spool implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(Spool.class);

	/** Journal growth beyond twice its live size before it is compacted. */
	static final long COMPACT_SLACK = 4 * 1024 * 1024;

	private final Path objects;

	private final Path journal;

	private final Path published;

	private final SpoolProperties properties;

	private final Clock clock;

	private final Durability durability;

	/**
	 * Looked up once: each lookup reads the mount table, and isFull runs twice per file.
	 */
	private final FileStore store;

	private final Journal journalLog;

	private final GroupCommit commit;

	private final ConcurrentSkipListMap<Long, SpoolRecord> pending = new ConcurrentSkipListMap<>();

	private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, SpoolRecord>> byCamera = new ConcurrentHashMap<>();

	private final AtomicLong pendingBytes = new AtomicLong();

	/** Pending bytes per camera, for the quota check each upload makes. */
	private final ConcurrentHashMap<String, AtomicLong> pendingBytesByCamera = new ConcurrentHashMap<>();

	private final AtomicLong lastSeq = new AtomicLong();

	/** Recently taken (camera, sha256) keys → millis taken; insertion ordered. */
	private final LinkedHashMap<String, Long> taken;

	/** Keys of puts not yet committed (guarded by {@code taken}): never in a snapshot. */
	private final Set<String> reserved = new HashSet<>();

	private volatile Runnable onPut = () -> {
	};

	public Spool(Path directory, SpoolProperties properties, Clock clock) {
		this(directory, properties, clock, new Durability(), COMPACT_SLACK);
	}

	Spool(Path directory, SpoolProperties properties, Clock clock, Durability durability, long compactSlack) {
		this.objects = directory.resolve("objects");
		this.journal = directory.resolve("journal");
		this.published = directory.resolve("published");
		this.properties = properties;
		this.clock = clock;
		this.durability = durability;
		int maxEntries = properties.dedupEntries();
		this.taken = new LinkedHashMap<>(1024, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
				return size() > maxEntries;
			}
		};
		try {
			Files.createDirectories(this.objects);
			Files.createDirectories(this.journal);
			this.store = Files.getFileStore(this.objects);
			this.journalLog = Journal.open(this.journal, durability, compactSlack, this::replay);
			recover(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open spool at " + directory, ex);
		}
		this.commit = new GroupCommit(this.journalLog, durability, this.objects, new GroupCommit.Owner() {
			@Override
			public void committed(List<GroupCommit.Request> batch) {
				apply(batch);
			}

			@Override
			public List<byte[]> snapshot() {
				return Spool.this.snapshot();
			}
		});
	}

	/** Called after each durable put; the publisher uses it as a wake-up. */
	public void onPut(Runnable listener) {
		this.onPut = listener;
	}

	/**
	 * Whether an upload of about {@code incomingBytes} must be refused now.
	 * @param incomingBytes expected size, 0 when unknown
	 * @return true above the high-water mark or below the free-space floor
	 */
	public boolean isFull(long incomingBytes) {
		if (this.pendingBytes.get() + incomingBytes > this.properties.maxSize().toBytes()) {
			return true;
		}
		try {
			return this.store.getUsableSpace() - incomingBytes < this.properties.minFreeSpace().toBytes();
		}
		catch (IOException ex) {
			return true;
		}
	}

	/** Whether this camera's content was already taken within the dedup window. */
	public boolean isDuplicate(String cameraId, String sha256) {
		synchronized (this.taken) {
			Long at = this.taken.get(key(cameraId, sha256));
			return at != null && at >= this.clock.millis() - this.properties.dedupWindow().toMillis();
		}
	}

	/**
	 * Make an upload durable. On return the content and its record are on stable storage.
	 * @param draft what the intake found out about the upload
	 * @param source the uploaded file
	 * @param keepSource leave {@code source} in place (hard link or copy) instead of
	 * moving it
	 * @return the record, or empty when the same content from the same camera is already
	 * taken
	 * @throws SpoolFullException above the high-water mark: nothing was written
	 * @throws IOException the spool could not be written: nothing was kept
	 */
	public Optional<SpoolRecord> put(SpoolRecord.Draft draft, Path source, boolean keepSource) throws IOException {
		String key = key(draft.cameraId(), draft.sha256());
		synchronized (this.taken) {
			if (isDuplicate(draft.cameraId(), draft.sha256())) {
				return Optional.empty();
			}
			// Reserve now so that two sessions uploading the same bytes take it once.
			this.taken.put(key, this.clock.millis());
			this.reserved.add(key);
		}
		if (isFull(draft.sizeBytes())) {
			release(key);
			throw new SpoolFullException("spool above its high-water mark");
		}
		SpoolRecord record = draft.at(nextSeq());
		Path object = object(record);
		try {
			place(source, object, keepSource);
			this.durability.content(object);
			this.commit.commit(GroupCommit.Request.put(record));
		}
		catch (IOException | RuntimeException ex) {
			release(key);
			if (keepSource || Files.exists(source)) {
				Files.deleteIfExists(object);
			}
			else if (Files.exists(object)) {
				// The source was moved in: put it back so the caller can quarantine it.
				Files.move(object, source);
			}
			throw ex;
		}
		this.onPut.run();
		return Optional.of(record);
	}

	/** Pending items, oldest first. */
	public List<SpoolRecord> pending() {
		return List.copyOf(this.pending.values());
	}

	/** The content of a pending item. */
	public Path object(SpoolRecord record) {
		return this.objects.resolve(record.seq() + "." + record.extension());
	}

	/**
	 * The item reached the object store and Kafka: forget it. The done line is durable
	 * before the content goes, so a crash leaves at worst an item that is published again
	 * with the same event id.
	 */
	public void markPublished(SpoolRecord record) throws IOException {
		this.commit.commit(GroupCommit.Request.done(record));
		Path object = object(record);
		if (this.properties.keepAfterPublish()) {
			Files.createDirectories(this.published);
			Files.move(object, this.published.resolve(object.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		else {
			// Not fsync'd: content left behind by a crash has no pending line and is
			// deleted at start.
			Files.deleteIfExists(object);
		}
	}

	/** Cameras that have items waiting. */
	public Set<String> camerasWithPending() {
		Set<String> cameras = new HashSet<>();
		this.byCamera.forEach((camera, items) -> {
			if (!items.isEmpty()) {
				cameras.add(camera);
			}
		});
		return cameras;
	}

	/** The next item of one camera: per camera, items leave in the order they came. */
	public Optional<SpoolRecord> oldestPending(String cameraId) {
		ConcurrentSkipListMap<Long, SpoolRecord> items = this.byCamera.get(cameraId);
		if (items == null) {
			return Optional.empty();
		}
		var first = items.firstEntry();
		return (first != null) ? Optional.of(first.getValue()) : Optional.empty();
	}

	private void track(SpoolRecord record) {
		this.byCamera.computeIfAbsent(record.cameraId(), (camera) -> new ConcurrentSkipListMap<>())
			.put(record.seq(), record);
		if (this.pending.put(record.seq(), record) == null) {
			this.pendingBytes.addAndGet(record.sizeBytes());
			this.pendingBytesByCamera.computeIfAbsent(record.cameraId(), (camera) -> new AtomicLong())
				.addAndGet(record.sizeBytes());
		}
	}

	private void untrack(long seq) {
		SpoolRecord record = this.pending.remove(seq);
		if (record != null) {
			this.pendingBytes.addAndGet(-record.sizeBytes());
			AtomicLong cameraBytes = this.pendingBytesByCamera.get(record.cameraId());
			if (cameraBytes != null) {
				cameraBytes.addAndGet(-record.sizeBytes());
			}
			ConcurrentSkipListMap<Long, SpoolRecord> camera = this.byCamera.get(record.cameraId());
			if (camera != null) {
				camera.remove(seq);
			}
		}
	}

	/** Called by the committer once a batch is durable, before anyone is answered. */
	private void apply(List<GroupCommit.Request> batch) {
		for (GroupCommit.Request request : batch) {
			if (request.put != null) {
				track(request.put);
				synchronized (this.taken) {
					this.reserved.remove(key(request.put.cameraId(), request.put.sha256()));
				}
			}
			else {
				untrack(request.done);
			}
		}
	}

	/** What a compacted journal must hold: pending items and the remembered pairs. */
	private List<byte[]> snapshot() {
		List<byte[]> lines = new ArrayList<>();
		this.pending.values().forEach((record) -> lines.add(JournalCodec.frame(JournalCodec.put(record))));
		long horizon = this.clock.millis() - this.properties.dedupWindow().toMillis();
		synchronized (this.taken) {
			this.taken.forEach((key, at) -> {
				if (at >= horizon && !this.reserved.contains(key)) {
					int space = key.indexOf(' ');
					lines.add(JournalCodec
						.frame(JournalCodec.taken(at, key.substring(0, space), key.substring(space + 1))));
				}
			});
		}
		return lines;
	}

	/** Fsyncs since start, by kind; the metric {@code vigil.ingest.spool.fsyncs}. */
	public long fsyncs(String kind) {
		return switch (kind) {
			case "content" -> this.durability.contentSyncs();
			case "directory" -> this.durability.directorySyncs();
			case "journal" -> this.durability.journalSyncs();
			default -> throw new IllegalArgumentException(kind);
		};
	}

	/** Group commits since start; the metric {@code vigil.ingest.spool.commits}. */
	public long commits() {
		return this.commit.commits();
	}

	/** Puts and publications queued for or inside the current group commit. */
	int unanswered() {
		return this.commit.unanswered();
	}

	/** Stop the committer; puts after this fail. */
	@Override
	public void close() throws IOException {
		this.commit.close();
		this.journalLog.close();
	}

	public int depth() {
		return this.pending.size();
	}

	public long pendingBytes() {
		return this.pendingBytes.get();
	}

	/** Bytes of one camera's items waiting in the spool. */
	public long pendingBytes(String cameraId) {
		AtomicLong bytes = this.pendingBytesByCamera.get(cameraId);
		return (bytes != null) ? bytes.get() : 0;
	}

	/** When the oldest pending item was received. */
	public Optional<Instant> oldestReceivedAt() {
		return this.pending.values().stream().map(SpoolRecord::receivedAt).min(Instant::compareTo);
	}

	/** Whether the spool directory can be written: part of readiness. */
	public boolean isWritable() {
		return !this.journalLog.isBroken() && this.commit.isRunning() && Files.isWritable(this.objects)
				&& Files.isWritable(this.journal);
	}

	private long nextSeq() {
		// Micro-second clock keeps sequences increasing across restarts even after every
		// record was published; the max() keeps them increasing if the clock steps back.
		long now = this.clock.millis() * 1000;
		return this.lastSeq.updateAndGet((last) -> Math.max(last + 1, now));
	}

	private void release(String key) {
		synchronized (this.taken) {
			this.taken.remove(key);
			this.reserved.remove(key);
		}
	}

	private void place(Path source, Path object, boolean keepSource) throws IOException {
		if (keepSource) {
			try {
				Files.createLink(object, source);
				return;
			}
			catch (UnsupportedOperationException | FileSystemException ex) {
				Files.copy(source, object);
				return;
			}
		}
		try {
			Files.move(source, object, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.copy(source, object);
			Files.delete(source);
		}
	}

	/** Journal entries at open, oldest first. */
	private void replay(JournalCodec.Entry entry) {
		switch (entry) {
			case JournalCodec.Put(SpoolRecord record) -> {
				track(record);
				this.lastSeq.accumulateAndGet(record.seq(), Math::max);
				remember(key(record.cameraId(), record.sha256()), record.receivedAt().toEpochMilli());
			}
			case JournalCodec.Done(long seq) -> untrack(seq);
			case JournalCodec.Taken(long millis, String camera, String sha256) -> remember(key(camera, sha256), millis);
			case JournalCodec.Header header -> {
			}
		}
	}

	private void remember(String key, long millis) {
		this.taken.merge(key, millis, Math::max);
	}

	private void recover(Path directory) throws IOException {
		LegacyJournal legacy = new LegacyJournal(this.journal, directory.resolve("done.log"));
		List<byte[]> migrated = legacy.read();
		for (byte[] line : migrated) {
			JournalCodec.Entry entry = JournalCodec.decode(line, 0, line.length - 1);
			if (entry != null) {
				replay(entry);
			}
		}
		boolean dropped = false;
		for (SpoolRecord record : List.copyOf(this.pending.values())) {
			if (!Files.exists(object(record))) {
				logger.error("Spool record {} of camera {} has no content; dropping it", record.seq(),
						record.cameraId());
				untrack(record.seq());
				dropped = true;
			}
		}
		Set<String> referenced = new HashSet<>();
		this.pending.values().forEach((record) -> referenced.add(object(record).getFileName().toString()));
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.objects)) {
			for (Path file : files) {
				if (!referenced.contains(file.getFileName().toString())) {
					// Crashed between content and record (the camera never got 226), or
					// between a publication and the content's removal.
					logger.warn("Deleting spool object {} without a pending record", file.getFileName());
					Files.delete(file);
				}
			}
		}
		this.durability.directory(this.objects);
		if (dropped || !migrated.isEmpty() || this.journalLog.compactionDue()) {
			this.journalLog.compact(snapshot());
		}
		legacy.delete();
		if (!this.pending.isEmpty()) {
			logger.info("Spool recovered {} pending items ({} bytes)", this.pending.size(), this.pendingBytes.get());
		}
	}

	private static String key(String cameraId, String sha256) {
		return cameraId + " " + sha256;
	}

}
