package dev.vigil.processing.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import dev.vigil.contracts.ProcessingStatus;
import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImageDecoderTests {

	@TempDir
	Path dir;

	private final ImageDecoder decoder = new ImageDecoder(ImageProperties.defaults());

	@Test
	void decodesRealJpegWithItsDimensions() {
		DecodedImage decoded = this.decoder.decode(TestMedia.file("darknet/person.jpg"), "porch");
		assertThat(decoded.width()).isEqualTo(640);
		assertThat(decoded.height()).isEqualTo(424);
		assertThat(decoded.image().getWidth()).isEqualTo(640);
		assertThat(decoded.scale()).isEqualTo(1);
		assertThat(decoded.format()).isEqualTo("jpeg");
	}

	@Test
	void rejectsTruncatedJpegAsCorrupt() throws IOException {
		byte[] whole = Files.readAllBytes(TestMedia.file("darknet/person.jpg"));
		Path truncated = write("truncated.jpg", java.util.Arrays.copyOf(whole, whole.length * 6 / 10));
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> this.decoder.decode(truncated, "porch"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.CORRUPT))
			.withMessageContaining("damaged");
	}

	@Test
	void decodesPngRenamedToJpgByItsContent() throws IOException {
		Path renamed = this.dir.resolve("snapshot.jpg");
		Files.copy(TestMedia.file("opencv/basketball1.png"), renamed);
		DecodedImage decoded = this.decoder.decode(renamed, "porch");
		assertThat(decoded.format()).isEqualTo("png");
		assertThat(decoded.width()).isPositive();
	}

	@Test
	void rejectsEmptyFileAsCorrupt() throws IOException {
		Path empty = write("empty.jpg", new byte[0]);
		assertThatExceptionOfType(MediaRejectedException.class).isThrownBy(() -> this.decoder.decode(empty, "porch"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.CORRUPT))
			.withMessageContaining("empty");
	}

	@Test
	void rejectsContentThatIsNoImageAsUnsupported() throws IOException {
		Path text = write("notes.jpg", "just some text, not a picture".getBytes());
		assertThatExceptionOfType(MediaRejectedException.class).isThrownBy(() -> this.decoder.decode(text, "porch"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.UNSUPPORTED));
	}

	@Test
	void rejectsHugeImageFromItsHeaderWithoutDecoding() throws IOException {
		// person.jpg with its frame header claiming 60000 x 60000 pixels (3.6
		// gigapixels):
		// decoding it would need ~14 GB of heap.
		Path huge = write("huge.jpg",
				JpegHeaders.withDimensions(Files.readAllBytes(TestMedia.file("darknet/person.jpg")), 60000, 60000));
		assertThatExceptionOfType(MediaRejectedException.class).isThrownBy(() -> this.decoder.decode(huge, "porch"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(ProcessingStatus.UNSUPPORTED))
			.withMessageContaining("60000x60000");
	}

	@Test
	void decodesLargeImageSubsampledWithinTheMemoryCap() {
		// A cap of 100 000 pixels makes the 640x424 (271 360 px) person.jpg "large".
		ImageDecoder capped = new ImageDecoder(
				new ImageProperties(320, 0.8f, 100_000, 500_000_000, ZoneId.of("UTC"), Map.of()));
		DecodedImage decoded = capped.decode(TestMedia.file("darknet/person.jpg"), "porch");
		assertThat(decoded.scale()).isEqualTo(2);
		assertThat((long) decoded.image().getWidth() * decoded.image().getHeight()).isLessThanOrEqualTo(100_000);
		assertThat(decoded.width()).isEqualTo(640);
		assertThat(decoded.height()).isEqualTo(424);
	}

	@Test
	void turnsImagesUprightFromExifOrientation() {
		BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xFF0000);
		BufferedImage rotated = Orientation.apply(image, 6);
		assertThat(rotated.getWidth()).isEqualTo(2);
		assertThat(rotated.getHeight()).isEqualTo(4);
		// Rotating 90 degrees clockwise moves the top-left pixel to the top-right.
		assertThat(rotated.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(Orientation.apply(image, 3).getRGB(3, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(Orientation.apply(image, 8).getRGB(0, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(Orientation.apply(image, 2).getRGB(3, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(Orientation.apply(image, 5).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(Orientation.apply(image, 7).getRGB(1, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
	}

	@Test
	void combinesMakeAndModelWithoutRepeatingTheMake() {
		assertThat(ImageDecoder.cameraModel("FOSCAM", "FOSCAM FI9821P")).isEqualTo("FOSCAM FI9821P");
		assertThat(ImageDecoder.cameraModel("Canon", "EOS 5D")).isEqualTo("Canon EOS 5D");
		assertThat(ImageDecoder.cameraModel(null, null)).isNull();
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(this.dir.resolve(name), content);
	}

}
