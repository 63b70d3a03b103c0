package dev.vigil.ingest.quota;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.spool.Spool;
import dev.vigil.ingest.spool.SpoolProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class StorageUsageTests {

	private static final long QUOTA = 1000 * 1024;

	@TempDir
	Path dataDir;

	private Spool spool;

	private StorageUsage usage() throws IOException {
		EdgeProperties edge = new EdgeProperties(this.dataDir, "edge");
		Files.createDirectories(edge.homes().resolve("porch"));
		SpoolProperties spoolProperties = new SpoolProperties(DataSize.ofGigabytes(1), DataSize.ofBytes(0),
				Duration.ofHours(24), 1000, false);
		this.spool = new Spool(this.dataDir.resolve("spool"), spoolProperties, Clock.systemUTC());
		return new StorageUsage(edge, this.spool, spoolProperties,
				new QuotaProperties(DataSize.ofBytes(QUOTA), Map.of()), new SimpleMeterRegistry());
	}

	@AfterEach
	void close() throws IOException {
		if (this.spool != null) {
			this.spool.close();
		}
	}

	@Test
	void landedBytesCountTowardTheQuotaAndTheHighWaterMark() throws IOException {
		StorageUsage usage = usage();
		usage.added("porch", 100 * 1024);
		assertThat(usage.remaining("porch", 0)).isEqualTo(QUOTA - 100 * 1024);
		assertThat(usage.outsideSpoolBytes()).isEqualTo(100 * 1024);
	}

	@Test
	void anEstimateNearTheQuotaIsCheckedOnTheDisk() throws IOException {
		StorageUsage usage = usage();
		Path file = this.dataDir.resolve("homes/porch/MDAlarm_20261203-101500.jpg");
		Files.write(file, new byte[1100 * 1024]);
		usage.added("porch", 1100 * 1024);
		assertThat(usage.isOverQuota("porch")).isTrue();
		// The camera deleted its file (DELE): the estimate still holds it, the walk does
		// not, so the camera is not refused for bytes it no longer has.
		Files.delete(file);
		assertThat(usage.isOverQuota("porch")).isFalse();
		assertThat(usage.remaining("porch", 256 * 1024)).isEqualTo(QUOTA);
	}

}
