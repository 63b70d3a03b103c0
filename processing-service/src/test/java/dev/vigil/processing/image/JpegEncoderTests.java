package dev.vigil.processing.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JpegEncoderTests {

	private final JpegEncoder encoder = new JpegEncoder(ImageProperties.defaults());

	@Test
	void makesA320PixelWideJpegThumbnailThatDecodes() throws IOException {
		BufferedImage original = ImageIO.read(TestMedia.file("darknet/person.jpg").toFile());
		byte[] thumbnail = this.encoder.thumbnail(original);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail));
		assertThat(decoded.getWidth()).isEqualTo(320);
		assertThat(decoded.getHeight()).isEqualTo(212);
		assertThat(thumbnail[0]).isEqualTo((byte) 0xFF);
		assertThat(thumbnail[1]).isEqualTo((byte) 0xD8);
	}

	@Test
	void neverUpscalesSmallImages() throws IOException {
		BufferedImage small = ImageIO.read(TestMedia.file("opencv/HappyFish.jpg").toFile());
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(this.encoder.thumbnail(small)));
		assertThat(decoded.getWidth()).isEqualTo(small.getWidth());
	}

	@Test
	void flattensTransparentImagesToJpeg() throws IOException {
		BufferedImage transparent = ImageIO.read(TestMedia.file("opencv/opencv-logo.png").toFile());
		assertThat(transparent.getColorModel().hasAlpha()).isTrue();
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(this.encoder.thumbnail(transparent)));
		assertThat(decoded).isNotNull();
		assertThat(decoded.getColorModel().hasAlpha()).isFalse();
	}

}
