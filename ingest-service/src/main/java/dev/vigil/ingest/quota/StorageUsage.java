package dev.vigil.ingest.quota;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What each camera holds on disk: its home (uploads in progress, temporary-named files,
 * taken files still listed), its quarantine and its items waiting in the spool. Homes and
 * quarantine are walked at start and after each sweep; in between, bytes that stay in a
 * home or go to quarantine are added as they land ({@link #added}), and the spool's share
 * is kept per camera by the spool. A camera is walked again only when that estimate comes
 * within a quarter of its quota, so a quota decision near the limit is always taken on a
 * fresh walk while an upload far below it costs no directory walk (profiling showed three
 * walks per upload as the largest removable cost). Files in a home that are hard links to
 * spool content are counted once, in the spool.
 */
public class StorageUsage {

	private final Path homes;

	private final Path quarantine;

	private final Spool spool;

	private final SpoolProperties spoolProperties;

	private final QuotaProperties properties;

	/** Bytes in each camera's home and quarantine at its last walk. */
	private final Map<String, Long> outsideSpool = new ConcurrentHashMap<>();

	public StorageUsage(EdgeProperties edge, Spool spool, SpoolProperties spoolProperties, QuotaProperties properties,
			MeterRegistry meters) {
		this.homes = edge.homes();
		this.quarantine = edge.quarantine();
		this.spool = spool;
		this.spoolProperties = spoolProperties;
		this.properties = properties;
		refreshAll();
		Gauge.builder("vigil.ingest.storage.outside.spool", this, StorageUsage::outsideSpoolBytes)
			.description("bytes in camera homes and quarantine (count toward the spool high-water mark)")
			.baseUnit("bytes")
			.register(meters);
	}

	/** One camera's quota in bytes. */
	public long quota(String cameraId) {
		return this.properties.of(cameraId);
	}

	/** What the camera holds now (walks its home and quarantine). */
	public Usage of(String cameraId) {
		long home = bytes(this.homes.resolve(cameraId));
		long quarantined = bytes(this.quarantine.resolve(cameraId));
		this.outsideSpool.put(cameraId, home + quarantined);
		return new Usage(home, quarantined, this.spool.pendingBytes(cameraId));
	}

	/**
	 * Bytes that arrived in the camera's home (an upload kept under a temporary name) or
	 * quarantine without passing through the spool.
	 */
	public void added(String cameraId, long bytes) {
		this.outsideSpool.merge(cameraId, bytes, Long::sum);
	}

	/**
	 * Whether the camera holds more than its quota: a fresh walk decides once the
	 * estimate is within a quarter of it.
	 */
	public boolean isOverQuota(String cameraId) {
		long quota = quota(cameraId);
		if (estimate(cameraId) <= quota - quota / 4) {
			return false;
		}
		return of(cameraId).total() > quota;
	}

	/**
	 * An upload of the camera's moved from its home into the spool (or became a hard link
	 * to spooled content): it no longer counts outside the spool.
	 */
	public void spooled(String cameraId, long bytes) {
		this.outsideSpool.computeIfPresent(cameraId, (camera, outside) -> Math.max(0, outside - bytes));
	}

	/**
	 * Bytes the camera may still add before reaching its quota (0 when over it): from the
	 * estimate while it leaves at least {@code needed} and a quarter of the quota, else
	 * from a fresh walk (an estimate errs high only: deletions are seen at the next
	 * walk).
	 */
	public long remaining(String cameraId, long needed) {
		long quota = quota(cameraId);
		long left = quota - estimate(cameraId);
		if (left >= Math.max(needed, quota / 4)) {
			return left;
		}
		return Math.max(0, quota - of(cameraId).total());
	}

	/** Bytes the camera holds as of its last walk and what was added since. */
	private long estimate(String cameraId) {
		Long outside = this.outsideSpool.get(cameraId);
		if (outside == null) {
			return of(cameraId).total();
		}
		return outside + this.spool.pendingBytes(cameraId);
	}

	/**
	 * Whether waiting bytes in the spool, plus everything in homes and quarantine, plus
	 * an upload of {@code incomingBytes} would pass the spool's high-water mark.
	 */
	public boolean isAboveHighWater(long incomingBytes) {
		return this.spool.pendingBytes() + outsideSpoolBytes() + incomingBytes > this.spoolProperties.maxSize()
			.toBytes();
	}

	/** Bytes in homes and quarantine, as of each camera's last walk. */
	public long outsideSpoolBytes() {
		return this.outsideSpool.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Walk every camera's home and quarantine again (after a sweep deleted files). */
	public void refreshAll() {
		Map<String, Long> fresh = new HashMap<>();
		for (Path root : new Path[] { this.homes, this.quarantine }) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (DirectoryStream<Path> cameras = Files.newDirectoryStream(root, Files::isDirectory)) {
				for (Path camera : cameras) {
					fresh.merge(camera.getFileName().toString(), bytes(camera), Long::sum);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + root, ex);
			}
		}
		// Replaced entry by entry, so a concurrent check never sees a half-filled map.
		this.outsideSpool.putAll(fresh);
		this.outsideSpool.keySet().retainAll(fresh.keySet());
	}

	private static long bytes(Path directory) {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		long[] total = { 0 };
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile() && !isSharedWithSpool(file)) {
						total[0] += attributes.size();
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// Deleted or renamed while walking: it no longer counts here.
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (NoSuchFileException ex) {
			return total[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot measure " + directory, ex);
		}
		return total[0];
	}

	/** A taken file still listed in the home is a hard link to its spooled content. */
	private static boolean isSharedWithSpool(Path file) {
		try {
			return ((Number) Files.getAttribute(file, "unix:nlink")).intValue() > 1;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * One camera's bytes on this node.
	 *
	 * @param home in its home, not counting hard links to spooled content
	 * @param quarantine in its quarantine
	 * @param spool waiting in the spool
	 */
	public record Usage(long home, long quarantine, long spool) {

		public long total() {
			return this.home + this.quarantine + this.spool;
		}

	}

}
