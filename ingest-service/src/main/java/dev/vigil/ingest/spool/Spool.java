package dev.vigil.ingest.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable spool: every taken upload is here, fsync'd, before the camera hears 226.
 *
 * <p>
 * Layout under the spool directory:
 * <ul>
 * <li>{@code objects/<seq>.<ext>}: the content (a hard link to the camera's upload when
 * possible, so taking a file costs no copy);</li>
 * <li>{@code journal/<seq>.json}: one small JSON record per pending item, written to a
 * temporary name, fsync'd, renamed into place and the directory fsync'd, so after a crash
 * a record is either complete or absent;</li>
 * <li>{@code done.log}: append-only lines {@code <millis> <camera> <sha256>} of published
 * items, read at start to recognise re-uploads.</li>
 * </ul>
 * The object is made durable before its record, so a record never points at missing
 * bytes; an object without a record (crash in between: the camera got no 226) is deleted
 * at start.
 */
public class Spool {

	private static final Logger log = LoggerFactory.getLogger(Spool.class);

	private final Path objects;

	private final Path journal;

	private final Path published;

	private final Path doneLog;

	private final SpoolProperties properties;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ConcurrentSkipListMap<Long, SpoolRecord> pending = new ConcurrentSkipListMap<>();

	private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, SpoolRecord>> byCamera = new ConcurrentHashMap<>();

	private final AtomicLong pendingBytes = new AtomicLong();

	private final AtomicLong lastSeq = new AtomicLong();

	/** Recently taken (camera, sha256) keys → millis taken; insertion ordered. */
	private final LinkedHashMap<String, Long> taken;

	private final Object doneLock = new Object();

	private long doneLines;

	private volatile Runnable onPut = () -> {
	};

	public Spool(Path directory, SpoolProperties properties, Clock clock) {
		this.objects = directory.resolve("objects");
		this.journal = directory.resolve("journal");
		this.published = directory.resolve("published");
		this.doneLog = directory.resolve("done.log");
		this.properties = properties;
		this.clock = clock;
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
			recover();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open spool at " + directory, ex);
		}
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
			return Files.getFileStore(this.objects).getUsableSpace() - incomingBytes < this.properties.minFreeSpace()
				.toBytes();
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
		}
		if (isFull(draft.sizeBytes())) {
			release(key);
			throw new SpoolFullException("spool above its high-water mark");
		}
		SpoolRecord record = draft.at(nextSeq());
		Path object = object(record);
		Path entry = this.journal.resolve(record.seq() + ".json");
		Path temporary = this.journal.resolve(record.seq() + ".json.tmp");
		try {
			place(source, object, keepSource);
			fsync(object);
			fsyncDirectory(this.objects);
			Files.write(temporary, this.json.writeValueAsBytes(record), StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			fsync(temporary);
			Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
			fsyncDirectory(this.journal);
		}
		catch (IOException | RuntimeException ex) {
			release(key);
			Files.deleteIfExists(temporary);
			Files.deleteIfExists(entry);
			if (keepSource || Files.exists(source)) {
				Files.deleteIfExists(object);
			}
			else {
				// The source was moved in: put it back so the caller can quarantine it.
				Files.move(object, source);
			}
			throw ex;
		}
		track(record);
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
	 * The item reached the object store and Kafka: forget it. The done line is written
	 * first, so a crash leaves at worst a record that is published again with the same
	 * event id.
	 */
	public void markPublished(SpoolRecord record) throws IOException {
		appendDone(record);
		Files.deleteIfExists(this.journal.resolve(record.seq() + ".json"));
		fsyncDirectory(this.journal);
		Path object = object(record);
		if (this.properties.keepAfterPublish()) {
			Files.createDirectories(this.published);
			Files.move(object, this.published.resolve(object.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		else {
			Files.deleteIfExists(object);
		}
		if (this.pending.remove(record.seq()) != null) {
			this.pendingBytes.addAndGet(-record.sizeBytes());
		}
		ConcurrentSkipListMap<Long, SpoolRecord> camera = this.byCamera.get(record.cameraId());
		if (camera != null) {
			camera.remove(record.seq());
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
		this.pending.put(record.seq(), record);
		this.pendingBytes.addAndGet(record.sizeBytes());
	}

	public int depth() {
		return this.pending.size();
	}

	public long pendingBytes() {
		return this.pendingBytes.get();
	}

	/** When the oldest pending item was received. */
	public Optional<Instant> oldestReceivedAt() {
		return this.pending.values().stream().map(SpoolRecord::receivedAt).min(Instant::compareTo);
	}

	/** Whether the spool directory can be written: part of readiness. */
	public boolean isWritable() {
		return Files.isWritable(this.objects) && Files.isWritable(this.journal);
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

	private void appendDone(SpoolRecord record) throws IOException {
		String line = this.clock.millis() + " " + record.cameraId() + " " + record.sha256() + "\n";
		synchronized (this.doneLock) {
			try (FileChannel channel = FileChannel.open(this.doneLog, StandardOpenOption.CREATE,
					StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
				channel.force(false);
			}
			this.doneLines++;
			if (this.doneLines > 2L * this.properties.dedupEntries()) {
				compactDoneLog();
			}
		}
	}

	private void recover() throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.journal)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.endsWith(".tmp")) {
					Files.delete(entry);
					continue;
				}
				try {
					SpoolRecord record = this.json.readValue(entry.toFile(), SpoolRecord.class);
					if (!Files.exists(object(record))) {
						log.error("Spool record {} has no content; dropping it", name);
						Files.delete(entry);
						continue;
					}
					track(record);
				}
				catch (JacksonException ex) {
					// Cannot happen with rename-into-place unless the medium corrupts
					// data.
					Path corrupt = entry.resolveSibling(name + ".corrupt");
					log.error("Unreadable spool record {}; kept as {}", name, corrupt.getFileName(), ex);
					Files.move(entry, corrupt, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Set<String> referenced = new HashSet<>();
		this.pending.values().forEach((record) -> referenced.add(object(record).getFileName().toString()));
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.objects)) {
			for (Path file : files) {
				if (!referenced.contains(file.getFileName().toString())) {
					// Crashed between content and record: the camera never got 226.
					log.warn("Deleting spool object {} without a record", file.getFileName());
					Files.delete(file);
				}
			}
		}
		fsyncDirectory(this.objects);
		fsyncDirectory(this.journal);
		loadDoneLog();
		this.pending.values()
			.forEach((record) -> this.taken.put(key(record.cameraId(), record.sha256()),
					record.receivedAt().toEpochMilli()));
		if (!this.pending.isEmpty()) {
			this.lastSeq.set(this.pending.lastKey());
			log.info("Spool recovered {} pending items ({} bytes)", this.pending.size(), this.pendingBytes.get());
		}
	}

	private void loadDoneLog() throws IOException {
		if (!Files.exists(this.doneLog)) {
			return;
		}
		long horizon = this.clock.millis() - this.properties.dedupWindow().toMillis();
		try (var lines = Files.lines(this.doneLog, StandardCharsets.UTF_8)) {
			lines.forEach((line) -> {
				String[] parts = line.split(" ");
				// A torn last line after a crash is simply skipped.
				if (parts.length == 3 && parts[2].length() == 64) {
					try {
						long at = Long.parseLong(parts[0]);
						if (at >= horizon) {
							this.taken.put(key(parts[1], parts[2]), at);
						}
					}
					catch (NumberFormatException ex) {
						// torn line
					}
				}
			});
		}
		synchronized (this.doneLock) {
			compactDoneLog();
		}
	}

	/** Rewrite the done log with what is still remembered. Caller holds doneLock. */
	private void compactDoneLog() throws IOException {
		List<String> lines = new ArrayList<>();
		synchronized (this.taken) {
			this.taken.forEach((key, at) -> lines.add(at + " " + key));
		}
		Path temporary = this.doneLog.resolveSibling("done.log.tmp");
		Files.write(temporary, lines, StandardCharsets.UTF_8);
		fsync(temporary);
		Files.move(temporary, this.doneLog, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		fsyncDirectory(this.doneLog.getParent());
		this.doneLines = lines.size();
	}

	private static String key(String cameraId, String sha256) {
		return cameraId + " " + sha256;
	}

	static void fsync(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	static void fsyncDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

}
