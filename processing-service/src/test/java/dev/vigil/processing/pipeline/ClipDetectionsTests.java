package dev.vigil.processing.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;

import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.ClipSummary;
import dev.vigil.contracts.Detection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClipDetectionsTests {

	private final ClipDetections clip = new ClipDetections();

	@Test
	void picksTheFrameWithTheBestDetectionAsPosterAndSummarisesEachLabel() {
		BufferedImage first = frame();
		BufferedImage second = frame();
		BufferedImage third = frame();
		this.clip.add(first, 0, List.of(person(0.55, 0)));
		this.clip.add(second, 1000, List.of(person(0.81, 1000), person(0.60, 1000), vehicle(0.70, 1000)));
		this.clip.add(third, 2000, List.of(vehicle(0.74, 2000)));
		this.clip.add(frame(), 3000, List.of());

		assertThat(this.clip.bestFrame()).isSameAs(second);
		assertThat(this.clip.detections()).hasSize(5);
		ClipSummary summary = this.clip.summary(3000);
		assertThat(summary.sampledFrames()).isEqualTo(4);
		assertThat(summary.posterFrameMs()).isEqualTo(1000);
		assertThat(summary.labels()).extracting(ClipSummary.Label::label).containsExactly("person", "vehicle");
		ClipSummary.Label person = summary.labels().get(0);
		assertThat(person.maxConfidence()).isEqualTo(0.81);
		assertThat(person.bestFrameMs()).isEqualTo(1000);
		// Two people in one frame: the frame is listed once.
		assertThat(person.frameMs()).containsExactly(0L, 1000L);
		ClipSummary.Label vehicle = summary.labels().get(1);
		assertThat(vehicle.maxConfidence()).isEqualTo(0.74);
		assertThat(vehicle.bestFrameMs()).isEqualTo(2000);
		assertThat(vehicle.frameMs()).containsExactly(1000L, 2000L);
	}

	@Test
	void keepsTheMotionPosterWhenNothingWasDetected() {
		this.clip.add(frame(), 0, List.of());
		this.clip.add(frame(), 1000, List.of());

		assertThat(this.clip.bestFrame()).isNull();
		ClipSummary summary = this.clip.summary(1000);
		assertThat(summary.sampledFrames()).isEqualTo(2);
		assertThat(summary.posterFrameMs()).isEqualTo(1000);
		assertThat(summary.labels()).isEmpty();
	}

	private static BufferedImage frame() {
		return new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
	}

	private static Detection person(double confidence, long frameMs) {
		return new Detection("person", confidence, new BoundingBox(1, 1, 2, 4), frameMs);
	}

	private static Detection vehicle(double confidence, long frameMs) {
		return new Detection("vehicle", confidence, new BoundingBox(0, 4, 6, 3), frameMs);
	}

}
