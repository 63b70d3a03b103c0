package dev.vigil.ingest.intake;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.MediaKind;
import dev.vigil.ingest.TestMedia;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureTimeResolverTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant RECEIVED = Instant.parse("2026-11-25T09:00:00Z");

	private final CaptureTimeResolver resolver = new CaptureTimeResolver(IntakeProperties.DEFAULT_CAPTURE_PATTERNS);

	private final Path noExif = TestMedia.file("opencv/box.png");

	@Test
	void parsesFoscamSnapshotNameInCameraZone() {
		assertThat(this.resolver.resolve("MDAlarm_20160830-155137.jpg", this.noExif, MediaKind.IMAGE, BERLIN, RECEIVED))
			.isEqualTo(new CaptureTimeResolver.CaptureTime(Instant.parse("2016-08-30T13:51:37Z"),
					CaptureTimeSource.FILENAME));
	}

	@Test
	void parsesFoscamRecordingName() {
		assertThat(this.resolver.fromFileName("MDalarm_20160830_152954.mkv", ZoneId.of("UTC"), RECEIVED))
			.isEqualTo(Instant.parse("2016-08-30T15:29:54Z"));
	}

	@Test
	void parsesLegacyFoscamName() {
		assertThat(this.resolver.fromFileName("000DC5D4D0F7(downdown)_1_20160830154350_5219.jpg", BERLIN, RECEIVED))
			.isEqualTo(Instant.parse("2016-08-30T13:43:50Z"));
	}

	@Test
	void malformedNameFallsBackToExif() {
		CaptureTimeResolver.CaptureTime time = this.resolver.resolve("MDAlarm_20161399-999999.jpg",
				TestMedia.file("darknet/person.jpg"), MediaKind.IMAGE, BERLIN, RECEIVED);
		// person.jpg's EXIF DateTimeOriginal is 2013:04:13 14:59:36, Berlin summer time.
		assertThat(time).isEqualTo(
				new CaptureTimeResolver.CaptureTime(Instant.parse("2013-04-13T12:59:36Z"), CaptureTimeSource.EXIF));
	}

	@Test
	void fallsBackToReceiveTimeWithoutNameOrExif() {
		assertThat(this.resolver.resolve("snapshot.png", this.noExif, MediaKind.IMAGE, BERLIN, RECEIVED))
			.isEqualTo(new CaptureTimeResolver.CaptureTime(RECEIVED, CaptureTimeSource.RECEIVED));
	}

	@Test
	void ignoresTimesFromTheFuture() {
		assertThat(this.resolver.fromFileName("MDAlarm_20991231-235959.jpg", BERLIN, RECEIVED)).isNull();
	}

}
