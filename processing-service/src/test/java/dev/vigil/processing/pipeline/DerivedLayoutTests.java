package dev.vigil.processing.pipeline;

import dev.vigil.contracts.ContractSamples;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaUploaded;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedLayoutTests {

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@Test
	void mirrorsTheOriginalsCameraAndHourPath() {
		MediaUploaded event = this.codec.read(ContractSamples.sample(ContractSamples.UPLOADED_VIDEO).getBytes(),
				MediaUploaded.class);
		DerivedLayout layout = DerivedLayout.of(event);
		String prefix = "derived/driveway/2016/08/30/15/" + event.sha256() + "/";
		assertThat(layout.thumbnail()).isEqualTo(prefix + "thumb.jpg");
		assertThat(layout.poster()).isEqualTo(prefix + "poster.jpg");
		assertThat(layout.rendition()).isEqualTo(prefix + "h264.mp4");
		assertThat(layout.marker()).isEqualTo(prefix + "processed.json");
	}

	@Test
	void keepsOriginalsOutsideTheLayoutUnderTheirCamera() {
		String json = ContractSamples.sample(ContractSamples.UPLOADED_IMAGE)
			.replace("originals/driveway/2016/08/30/15/", "imports/old/");
		MediaUploaded event = this.codec.read(json.getBytes(), MediaUploaded.class);
		assertThat(DerivedLayout.of(event).thumbnail())
			.isEqualTo("derived/driveway/other/" + event.sha256() + "/thumb.jpg");
	}

	@Test
	void givesTheSameMediaTheSameResultEventId() {
		MediaUploaded event = this.codec.read(ContractSamples.sample(ContractSamples.UPLOADED_IMAGE).getBytes(),
				MediaUploaded.class);
		assertThat(MediaPipeline.eventId(event)).isEqualTo(MediaPipeline.eventId(event));
	}

}
