package dev.vigil.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraAccount;
import dev.vigil.ingest.camera.CameraActivity;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.intake.CaptureTimeResolver.CaptureTime;
import dev.vigil.ingest.intake.IntakeResult.Outcome;
import dev.vigil.ingest.quota.StorageUsage;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolFullException;
import dev.vigil.ingest.spool.SpoolRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The completion path shared by FTP and SFTP: a finished upload is sniffed, hashed, given
 * a capture time, and made durable in the spool, or quarantined. The protocol layer
 * replies to the camera only after this returns.
 */
public class Intake {

	/** Name prefix of files still being written; hidden from LIST and never taken. */
	public static final String IN_PROGRESS_PREFIX = ".vigil-upload-";

	/** A camera snapshot is 50-300 KB: the size assumed when none is announced. */
	static final long TYPICAL_UPLOAD_BYTES = 256 * 1024;

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final Spool spool;

	private final CameraDirectory cameras;

	private final CameraActivity activity;

	private final IntakeProperties properties;

	private final CaptureTimeResolver captureTimes;

	private final List<PathMatcher> temporaryNames;

	private final Path quarantine;

	private final MeterRegistry meters;

	private final Clock clock;

	private final StorageUsage usage;

	Intake(Spool spool, CameraDirectory cameras, CameraActivity activity, IntakeProperties properties,
			EdgeProperties edge, MeterRegistry meters, Clock clock, StorageUsage usage) {
		this.spool = spool;
		this.usage = usage;
		this.cameras = cameras;
		this.activity = activity;
		this.properties = properties;
		this.captureTimes = new CaptureTimeResolver(properties.capturePatterns());
		this.temporaryNames = properties.temporaryNames()
			.stream()
			.map((glob) -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
			.toList();
		this.quarantine = edge.quarantine();
		this.meters = meters;
		this.clock = clock;
	}

	/** Whether a name is one cameras upload under before renaming to the final name. */
	public boolean isTemporaryName(String fileName) {
		Path name = Path.of(fileName);
		return this.temporaryNames.stream().anyMatch((matcher) -> matcher.matches(name));
	}

	public long maxFileSize() {
		return this.properties.maxFileSize().toBytes();
	}

	/**
	 * Whether a new upload of unknown size must be refused with 452 right now: the spool
	 * could not even take a typical snapshot. Refusing before the transfer saves the
	 * camera's bandwidth; an upload that turns out larger is still refused at the end.
	 */
	public boolean isSpoolFull() {
		return isSpoolFull(TYPICAL_UPLOAD_BYTES);
	}

	/**
	 * Whether an announced upload (ALLO) would not fit. Files in camera homes and in
	 * quarantine count toward the high-water mark like spooled ones: they are on the same
	 * disk.
	 */
	public boolean isSpoolFull(long incomingBytes) {
		long bytes = Math.max(incomingBytes, TYPICAL_UPLOAD_BYTES);
		return this.spool.isFull(bytes) || this.usage.isAboveHighWater(bytes);
	}

	/**
	 * Whether the camera would pass its quota (home + quarantine + spool) with an upload
	 * of about {@code incomingBytes} (0 = unknown: a typical snapshot).
	 */
	public boolean isOverQuota(CameraAccount camera, long incomingBytes) {
		long needed = Math.max(incomingBytes, TYPICAL_UPLOAD_BYTES);
		return this.usage.remaining(camera.cameraId(), needed) < needed;
	}

	/** Bytes the camera may still upload before reaching its quota. */
	public long quotaRemaining(CameraAccount camera) {
		return this.usage.remaining(camera.cameraId(), maxFileSize());
	}

	/**
	 * A transfer finished and left {@code bytes} in the camera's home (taken next, or
	 * kept under a temporary name): they count toward its quota and the high-water mark
	 * until they are spooled or deleted.
	 */
	public void landed(CameraAccount camera, long bytes) {
		this.usage.added(camera.cameraId(), bytes);
	}

	/** The camera's quota in bytes, for replies. */
	public long quota(CameraAccount camera) {
		return this.usage.quota(camera.cameraId());
	}

	/**
	 * Take a finished upload.
	 * @param camera the uploading camera
	 * @param file the file in the camera's home
	 * @param sha256 hex digest computed while streaming, or {@code null} to compute now
	 * @param keepVisible leave the file listed in the camera's home (FTP) instead of
	 * moving it into the spool
	 * @return the decision; on anything but ACCEPTED/DUPLICATE nothing was spooled
	 */
	public IntakeResult take(CameraAccount camera, Path file, @Nullable String sha256, boolean keepVisible) {
		Instant receivedAt = this.clock.instant();
		Path home = this.cameras.home(camera);
		String originalPath = home.relativize(file).toString().replace('\\', '/');
		MDC.put("cameraId", camera.cameraId());
		try {
			long size = Files.size(file);
			if (this.usage.isOverQuota(camera.cameraId())) {
				// Over quota: not even quarantined, that would be more of the same bytes.
				deleteQuietly(file);
				count(camera, "over-quota", 0);
				log.warn("Refused upload {} ({} bytes): camera over its quota of {} bytes", originalPath, size,
						this.usage.quota(camera.cameraId()));
				return new IntakeResult(Outcome.OVER_QUOTA, null,
						"camera quota of " + this.usage.quota(camera.cameraId()) + " bytes reached");
			}
			Sniffed sniffed = MediaSniffer.sniff(file);
			if (!sniffed.isComplete()) {
				String reason = sniffed.problem().tag;
				quarantine(camera, file, reason, receivedAt);
				count(camera, "quarantined-" + reason, 0);
				this.meters.counter("vigil.ingest.quarantined", "camera", camera.cameraId(), "reason", reason)
					.increment();
				log.warn("Quarantined upload {} ({} bytes): {}", originalPath, size, reason);
				return new IntakeResult(Outcome.QUARANTINED, null, switch (sniffed.problem()) {
					case EMPTY -> "empty file";
					case TRUNCATED -> "incomplete " + sniffed.contentType() + " (truncated upload?)";
					case NOT_MEDIA -> "not an image or video";
				});
			}
			String digest = (sha256 != null) ? sha256 : sha256(file);
			MDC.put("mediaId", digest);
			if (this.spool.isDuplicate(camera.cameraId(), digest)) {
				return duplicate(camera, file, originalPath, digest, keepVisible);
			}
			CaptureTime captured = this.captureTimes.resolve(file.getFileName().toString(), file, sniffed.kind(),
					this.cameras.zone(camera), receivedAt);
			SpoolRecord.Draft draft = new SpoolRecord.Draft(camera.cameraId(), digest, size, sniffed.contentType(),
					sniffed.extension(), sniffed.kind(), originalPath, captured.instant(), captured.source(),
					receivedAt);
			Optional<SpoolRecord> record = this.spool.put(draft, file, keepVisible);
			if (record.isEmpty()) {
				return duplicate(camera, file, originalPath, digest, keepVisible);
			}
			this.usage.spooled(camera.cameraId(), size);
			count(camera, "accepted", size);
			this.activity.uploaded(camera.cameraId());
			log.info("Took upload {} ({} bytes, {}, captured {} from {})", originalPath, size, sniffed.contentType(),
					captured.instant(), captured.source());
			return new IntakeResult(Outcome.ACCEPTED, digest, "taken");
		}
		catch (SpoolFullException ex) {
			count(camera, "spool-full", 0);
			log.warn("Refused upload {}: spool full", originalPath);
			deleteQuietly(file);
			return new IntakeResult(Outcome.SPOOL_FULL, null, "edge spool is full, retry later");
		}
		catch (IOException | RuntimeException ex) {
			count(camera, "failed", 0);
			log.error("Could not take upload {}", originalPath, ex);
			deleteQuietly(file);
			return new IntakeResult(Outcome.FAILED, null, "local storage error, retry later");
		}
		finally {
			MDC.remove("cameraId");
			MDC.remove("mediaId");
		}
	}

	/** An upload that never finished (connection lost, too large): counted, discarded. */
	public void discarded(CameraAccount camera, String outcome) {
		count(camera, outcome, 0);
	}

	private IntakeResult duplicate(CameraAccount camera, Path file, String originalPath, String digest,
			boolean keepVisible) {
		if (!keepVisible) {
			deleteQuietly(file);
		}
		count(camera, "duplicate", 0);
		this.activity.uploaded(camera.cameraId());
		log.info("Upload {} is a duplicate of media {}; acknowledged, not republished", originalPath, digest);
		return new IntakeResult(Outcome.DUPLICATE, digest, "duplicate of an earlier upload");
	}

	private void count(CameraAccount camera, String outcome, long bytes) {
		this.meters.counter("vigil.ingest.uploads", "camera", camera.cameraId(), "outcome", outcome).increment();
		if (bytes > 0) {
			this.meters.counter("vigil.ingest.upload.bytes", "camera", camera.cameraId()).increment(bytes);
		}
	}

	private void quarantine(CameraAccount camera, Path file, String reason, Instant receivedAt) throws IOException {
		Path directory = this.quarantine.resolve(camera.cameraId());
		Files.createDirectories(directory);
		String name = file.getFileName().toString();
		name = (name.length() > 100) ? name.substring(0, 100) : name;
		Path target = directory.resolve(receivedAt.toEpochMilli() + "-" + reason + "-" + name);
		Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
		pruneQuarantine(directory);
	}

	/**
	 * Keeps one camera's quarantine within {@code quarantine-max-files},
	 * {@code quarantine-max-bytes} and {@code quarantine-max-age}: newest first, the rest
	 * is deleted.
	 */
	void pruneQuarantine(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		Instant horizon = this.clock.instant().minus(this.properties.quarantineMaxAge());
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> sorted = files.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
				.toList();
			long bytes = 0;
			int kept = 0;
			for (Path file : sorted) {
				long size = Files.size(file);
				if (kept < this.properties.quarantineMaxFiles()
						&& bytes + size <= this.properties.quarantineMaxBytes().toBytes()
						&& !Files.getLastModifiedTime(file).toInstant().isBefore(horizon)) {
					kept++;
					bytes += size;
				}
				else {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/** Each camera's quarantine directory. */
	Path quarantineOf(String cameraId) {
		return this.quarantine.resolve(cameraId);
	}

	Path quarantineRoot() {
		return this.quarantine;
	}

	static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", file, ex);
		}
	}

}
