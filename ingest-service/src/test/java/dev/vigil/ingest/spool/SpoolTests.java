package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import dev.vigil.ingest.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpoolTests {

	private static final String SHA_A = "a".repeat(64);

	private static final String SHA_B = "b".repeat(64);

	@TempDir
	Path temp;

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

	private SpoolProperties properties(DataSize maxSize) {
		return new SpoolProperties(maxSize, DataSize.ofBytes(0), Duration.ofHours(24), 1000, false);
	}

	private Spool open() {
		return new Spool(this.temp.resolve("spool"), properties(DataSize.ofGigabytes(1)), this.clock);
	}

	private Path upload(String name) throws IOException {
		Path home = Files.createDirectories(this.temp.resolve("home"));
		return Files.copy(TestMedia.file("darknet/person.jpg"), home.resolve(name));
	}

	private static SpoolRecord.Draft draft(String camera, String sha, long size) {
		return new SpoolRecord.Draft(camera, sha, size, "image/jpeg", "jpg", MediaKind.IMAGE, "snap/x.jpg",
				Instant.parse("2016-08-30T13:51:37Z"), CaptureTimeSource.FILENAME,
				Instant.parse("2026-11-25T09:00:00Z"));
	}

	@Test
	void keepsPendingItemsAcrossRestartInOrder() throws IOException {
		Spool spool = open();
		Path first = upload("1.jpg");
		SpoolRecord a = spool.put(draft("driveway", SHA_A, Files.size(first)), first, true).orElseThrow();
		Path second = upload("2.jpg");
		SpoolRecord b = spool.put(draft("driveway", SHA_B, Files.size(second)), second, false).orElseThrow();
		assertThat(first).exists();
		assertThat(second).doesNotExist();

		Spool reopened = open();
		assertThat(reopened.pending()).containsExactly(a, b);
		assertThat(Files.readAllBytes(reopened.object(a)))
			.isEqualTo(Files.readAllBytes(TestMedia.file("darknet/person.jpg")));
		assertThat(reopened.depth()).isEqualTo(2);
	}

	@Test
	void forgetsPublishedItemsButRemembersTheirHashForDedup() throws IOException {
		Spool spool = open();
		Path file = upload("1.jpg");
		SpoolRecord record = spool.put(draft("driveway", SHA_A, Files.size(file)), file, false).orElseThrow();
		spool.markPublished(record);
		assertThat(spool.object(record)).doesNotExist();

		Spool reopened = open();
		assertThat(reopened.pending()).isEmpty();
		assertThat(reopened.isDuplicate("driveway", SHA_A)).isTrue();
		assertThat(reopened.isDuplicate("garden", SHA_A)).as("same bytes from another camera").isFalse();
		Path again = upload("again.jpg");
		assertThat(reopened.put(draft("driveway", SHA_A, Files.size(again)), again, true)).isEqualTo(Optional.empty());
	}

	@Test
	void refusesAboveHighWaterMarkWithoutWritingAnything() throws IOException {
		Spool spool = new Spool(this.temp.resolve("spool"), properties(DataSize.ofKilobytes(150)), this.clock);
		Path file = upload("1.jpg");
		spool.put(draft("driveway", SHA_A, Files.size(file)), file, true);
		Path second = upload("2.jpg");
		assertThatExceptionOfType(SpoolFullException.class)
			.isThrownBy(() -> spool.put(draft("driveway", SHA_B, Files.size(second)), second, true));
		assertThat(spool.depth()).isEqualTo(1);
		assertThat(spool.isFull(0)).isFalse();
		assertThat(spool.isFull(100_000)).isTrue();
		assertThat(this.temp.resolve("spool/journal")).isDirectoryContaining("glob:**/journal-*.log");
		assertThat(open().pending()).hasSize(1);
		assertThat(spool.isDuplicate("driveway", SHA_B)).as("a refused upload may be retried").isFalse();
	}

	@Test
	void recoveryDeletesContentWithoutRecord() throws IOException {
		Spool spool = open();
		Path file = upload("1.jpg");
		SpoolRecord kept = spool.put(draft("driveway", SHA_A, Files.size(file)), file, false).orElseThrow();
		// What a kill -9 between the content and its journal line leaves behind.
		Path orphan = Files.copy(TestMedia.file("darknet/dog.jpg"), this.temp.resolve("spool/objects/999.jpg"));
		spool.close();

		Spool reopened = open();
		assertThat(reopened.pending()).containsExactly(kept);
		assertThat(orphan).doesNotExist();
	}

	@Test
	void migratesTheJsonJournalOfEarlierVersions() throws IOException {
		Path objects = Files.createDirectories(this.temp.resolve("spool/objects"));
		Path journal = Files.createDirectories(this.temp.resolve("spool/journal"));
		SpoolRecord legacy = draft("driveway", SHA_A, 3).at(1764061200000000L);
		Files.writeString(objects.resolve(legacy.seq() + ".jpg"), "abc");
		Files.write(journal.resolve(legacy.seq() + ".json"),
				tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(legacy));
		Path torn = Files.writeString(journal.resolve("999.json.tmp"), "{\"seq\":99");
		Files.writeString(this.temp.resolve("spool/done.log"),
				(this.clock.millis() - 1000) + " driveway " + SHA_B + "\n17640612");

		Spool spool = open();
		assertThat(spool.pending()).containsExactly(legacy);
		assertThat(spool.isDuplicate("driveway", SHA_B)).as("published before the upgrade").isTrue();
		assertThat(journal).isDirectoryNotContaining("glob:**/*.json*");
		assertThat(torn).doesNotExist();
		assertThat(this.temp.resolve("spool/done.log")).doesNotExist();
		spool.close();
		assertThat(open().pending()).containsExactly(legacy);
	}

	@Test
	void assignsIncreasingSequenceNumbers() throws IOException {
		Spool spool = open();
		for (int i = 0; i < 5; i++) {
			Path file = upload(i + ".jpg");
			spool.put(draft("driveway", String.valueOf(i).repeat(64), Files.size(file)), file, false);
		}
		List<Long> seqs = open().pending().stream().map(SpoolRecord::seq).toList();
		assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(5);
	}

}
