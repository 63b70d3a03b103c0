package dev.vigil.catalog.camera;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.contracts.CameraConfig;
import dev.vigil.contracts.CameraPasswordHash;
import dev.vigil.contracts.UploadProtocol;

import static org.assertj.core.api.Assertions.assertThat;

class CameraConfigMappingTests {

	private static final String HASH = CameraPasswordHash.hash("some-password", 10_000);

	@Test
	void carriesEverySettingTheEdgesAndConsumersNeed() {
		CameraDocument camera = new CameraDocument("porch", "Porch", "edge-garage", "Europe/Berlin", null, null,
				new CameraDocument.Retention(30, 14, null, null),
				new CameraDocument.Detection(true, 0.6, null, null, null), 90, false, UploadProtocol.FTPS,
				List.of("192.168.1.0/24"), 7L, null);
		CameraConfig config = CameraConfigPublisher.config(camera,
				new CameraCredentials("porch", "porch", HASH, Instant.now()));
		assertThat(config.timeZone()).isEqualTo("Europe/Berlin");
		assertThat(config.enabled()).isFalse();
		assertThat(config.passwordHash()).isEqualTo(HASH);
		assertThat(config.allowedSources()).containsExactly("192.168.1.0/24");
		assertThat(config.retention().imageMaxAgeDays()).isEqualTo(30);
		assertThat(config.detection().minPersonConfidence()).isEqualTo(0.6);
		assertThat(config.silentAfterMinutes()).isEqualTo(90);
		assertThat(config.revision()).isEqualTo(7);
	}

	@Test
	void absentSettingsMeanDefaults() {
		CameraDocument camera = new CameraDocument("gate", "Gate", "edge-garage", null, null, null, null, null, null,
				null, null, null, 1L, null);
		CameraConfig config = CameraConfigPublisher.config(camera,
				new CameraCredentials("gate", "gate", HASH, Instant.now()));
		assertThat(config.timeZone()).isEqualTo("UTC");
		assertThat(config.enabled()).isTrue();
		assertThat(config.allowedSources()).isEmpty();
		assertThat(config.retention()).isNull();
	}

}
