package dev.vigil.ingest.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.quota.StorageUsage;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps camera homes small: taken files (hard links to spool content) disappear after
 * {@code visible-for}; temporary-named uploads never renamed and interrupted upload files
 * are deleted after {@code abandon-after} and counted, and beyond
 * {@code unfinished-max-bytes} per camera; quarantine is pruned by age, bytes and count.
 * Directories stay, cameras expect their tree to exist.
 */
class HomeSweeper {

	private static final Logger log = LoggerFactory.getLogger(HomeSweeper.class);

	private final CameraDirectory cameras;

	private final Intake intake;

	private final IntakeProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final StorageUsage usage;

	HomeSweeper(CameraDirectory cameras, Intake intake, IntakeProperties properties, MeterRegistry meters, Clock clock,
			StorageUsage usage) {
		this.usage = usage;
		this.cameras = cameras;
		this.intake = intake;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vigil.ingest.intake.sweep-interval:60s}")
	void sweep() {
		Instant now = this.clock.instant();
		Instant visibleHorizon = now.minus(this.properties.visibleFor());
		Instant abandonHorizon = now.minus(this.properties.abandonAfter());
		Map<Path, List<Unfinished>> unfinishedByCamera = new HashMap<>();
		Path homes = this.cameras.homes();
		try {
			Files.walkFileTree(this.cameras.homes(), new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Instant modified = attributes.lastModifiedTime().toInstant();
					String name = file.getFileName().toString();
					boolean unfinished = name.startsWith(Intake.IN_PROGRESS_PREFIX)
							|| HomeSweeper.this.intake.isTemporaryName(name);
					if (unfinished && modified.isBefore(abandonHorizon)) {
						log.warn("Deleting abandoned upload {}", file);
						HomeSweeper.this.meters.counter("vigil.ingest.uploads.abandoned").increment();
						Files.deleteIfExists(file);
					}
					else if (!unfinished && modified.isBefore(visibleHorizon)) {
						Files.deleteIfExists(file);
					}
					else if (unfinished && !name.startsWith(Intake.IN_PROGRESS_PREFIX)) {
						unfinishedByCamera
							.computeIfAbsent(homes.relativize(file).getName(0), (camera) -> new ArrayList<>())
							.add(new Unfinished(file, modified, attributes.size()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			log.warn("Sweeping camera homes failed", ex);
		}
		unfinishedByCamera.values().forEach(this::pruneUnfinished);
		pruneQuarantines();
		this.usage.refreshAll();
	}

	/**
	 * Temporary-named files beyond {@code unfinished-max-bytes} for one camera: the
	 * newest are kept (a camera renames right after the upload), the oldest deleted.
	 */
	private void pruneUnfinished(List<Unfinished> files) {
		long kept = 0;
		List<Unfinished> newestFirst = new ArrayList<>(files);
		newestFirst.sort(Comparator.comparing(Unfinished::modified).reversed());
		for (Unfinished file : newestFirst) {
			kept += file.size();
			if (kept > this.properties.unfinishedMaxBytes().toBytes()) {
				log.warn("Deleting temporary upload {}: camera holds more than {} of unrenamed files", file.path(),
						this.properties.unfinishedMaxBytes());
				this.meters.counter("vigil.ingest.uploads.abandoned").increment();
				try {
					Files.deleteIfExists(file.path());
				}
				catch (IOException ex) {
					log.warn("Could not delete {}", file.path(), ex);
				}
			}
		}
	}

	private void pruneQuarantines() {
		Path root = this.intake.quarantineRoot();
		if (!Files.isDirectory(root)) {
			return;
		}
		try (DirectoryStream<Path> cameras = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path camera : cameras) {
				this.intake.pruneQuarantine(camera);
			}
		}
		catch (IOException ex) {
			log.warn("Pruning quarantine failed", ex);
		}
	}

	private record Unfinished(Path path, Instant modified, long size) {
	}

}
