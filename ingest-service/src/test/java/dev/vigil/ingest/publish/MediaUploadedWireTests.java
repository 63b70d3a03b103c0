package dev.vigil.ingest.publish;

import java.time.Instant;
import java.util.UUID;

import dev.vigil.contracts.CaptureTimeSource;
import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.MediaKind;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.ingest.spool.SpoolRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events this edge writes have exactly the shape of the contracts' golden samples.
 */
class MediaUploadedWireTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesTheGoldenSampleByteForByteEquivalent() {
		String golden = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE);
		MediaUploaded event = this.json.readValue(golden, MediaUploaded.class);
		JsonNode written = this.json.readTree(this.json.writeValueAsBytes(event));
		assertThat(written).isEqualTo(this.json.readTree(golden));
	}

	@Test
	void buildsObjectKeyFromCaptureHourInUtc() {
		String sha = "9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee";
		SpoolRecord record = new SpoolRecord(1, UUID.randomUUID(), "driveway", sha, 187342, "image/jpeg", "jpg",
				MediaKind.IMAGE, "driveway/FI9821P_00626E5A2B1C/snap/MDAlarm_20160830-155137.jpg",
				Instant.parse("2016-08-30T13:51:37Z"), CaptureTimeSource.FILENAME,
				Instant.parse("2016-08-30T13:51:39.412Z"));
		assertThat(ObjectKeys.original(record)).isEqualTo("originals/driveway/2016/08/30/13/" + sha + ".jpg");
		SpoolRecord noCapture = new SpoolRecord(2, UUID.randomUUID(), "driveway", sha, 1, "video/x-msvideo", "avi",
				MediaKind.VIDEO, "x.avi", null, null, Instant.parse("2026-01-01T00:30:00Z"));
		assertThat(ObjectKeys.original(noCapture)).isEqualTo("originals/driveway/2026/01/01/00/" + sha + ".avi");
	}

}
