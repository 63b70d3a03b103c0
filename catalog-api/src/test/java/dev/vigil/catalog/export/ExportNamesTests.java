package dev.vigil.catalog.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportNamesTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant START = Instant.parse("2026-12-02T05:14:23Z");

	@Test
	void namesTheZipAfterTheCameraAndTheEventStartOnItsClock() {
		assertThat(ExportNames.zip("porch", START, BERLIN)).isEqualTo("porch_2026-12-02_0614.zip");
		assertThat(ExportNames.zip("porch", START, ZoneOffset.UTC)).isEqualTo("porch_2026-12-02_0514.zip");
	}

	@Test
	void entriesCarryIndexCameraTimeKindAndTheKeysExtension() {
		assertThat(ExportNames.entry(7, "porch", START, BERLIN, "original", "originals/porch/abc.JPG"))
			.isEqualTo("007_porch_2026-12-02_061423_original.jpg");
		assertThat(ExportNames.entry(1, "porch", null, ZoneOffset.UTC, "rendition", "derived/x/rendition"))
			.isEqualTo("001_porch_1970-01-01_000000_rendition");
	}

	@Test
	void noNameCanLeaveTheFolderItIsUnpackedInto() {
		String entry = ExportNames.entry(1, "../../etc", START, BERLIN, "original",
				"originals/x/evil.jpg/../../../passwd.sh;rm -rf");
		assertThat(entry).matches("[A-Za-z0-9._-]+").doesNotContain("/").doesNotContain("..");
		assertThat(ExportNames.zip("a/../b", START, BERLIN)).matches("[A-Za-z0-9._-]+").doesNotContain("..");
	}

}
