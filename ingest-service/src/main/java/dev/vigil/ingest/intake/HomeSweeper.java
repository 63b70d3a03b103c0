package dev.vigil.ingest.intake;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;

import dev.vigil.ingest.camera.CameraDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps camera homes small: taken files (hard links to spool content) disappear after
 * {@code visible-for}; temporary-named uploads never renamed and interrupted upload files
 * are deleted after {@code abandon-after} and counted. Directories stay, cameras expect
 * their tree to exist.
 */
class HomeSweeper {

	private static final Logger log = LoggerFactory.getLogger(HomeSweeper.class);

	private final CameraDirectory cameras;

	private final Intake intake;

	private final IntakeProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	HomeSweeper(CameraDirectory cameras, Intake intake, IntakeProperties properties, MeterRegistry meters,
			Clock clock) {
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
	}

}
