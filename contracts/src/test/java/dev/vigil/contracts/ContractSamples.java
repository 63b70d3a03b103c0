package dev.vigil.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The golden JSON samples of the wire contracts, published in this module's test jar so
 * that every consumer's tests read the same bytes.
 */
public final class ContractSamples {

	public static final String UPLOADED_IMAGE = "media-uploaded-image.json";

	public static final String UPLOADED_VIDEO = "media-uploaded-video.json";

	public static final String UPLOADED_NO_CAPTURE_TIME = "media-uploaded-no-capture-time.json";

	public static final String UPLOADED_FUTURE_FIELDS = "media-uploaded-future-fields.json";

	public static final String PROCESSED_IMAGE_PERSON = "media-processed-image-person.json";

	public static final String PROCESSED_VIDEO = "media-processed-video.json";

	public static final String PROCESSED_CORRUPT = "media-processed-corrupt.json";

	public static final String PROCESSED_VIDEO_SUMMARY = "media-processed-video-summary.json";

	public static final String MOTION_OPENED = "motion-event-opened.json";

	public static final String MOTION_UPDATED_PERSON = "motion-event-updated-person.json";

	public static final String MOTION_CLOSED = "motion-event-closed.json";

	/** Every valid {@link MotionEventChanged} sample. */
	public static final List<String> MOTION = List.of(MOTION_OPENED, MOTION_UPDATED_PERSON, MOTION_CLOSED);

	/** Malformed {@link MotionEventChanged} records, each breaking one rule. */
	public static final List<String> MOTION_MALFORMED = List.of("motion-event-score-above-one.json",
			"motion-event-end-before-start.json", "motion-event-missing-type.json");

	/** Every valid {@link MediaUploaded} sample. */
	public static final List<String> UPLOADED = List.of(UPLOADED_IMAGE, UPLOADED_VIDEO, UPLOADED_NO_CAPTURE_TIME,
			UPLOADED_FUTURE_FIELDS);

	/** Every valid {@link MediaProcessed} sample. */
	public static final List<String> PROCESSED = List.of(PROCESSED_IMAGE_PERSON, PROCESSED_VIDEO, PROCESSED_CORRUPT,
			PROCESSED_VIDEO_SUMMARY);

	private ContractSamples() {
	}

	/**
	 * A valid sample.
	 * @param name one of the constants of this class
	 * @return the JSON text
	 */
	public static String sample(String name) {
		return read("/contracts/samples/" + name);
	}

	/**
	 * A sample that breaks the contract.
	 * @param name a file under {@code contracts/malformed/}
	 * @return the JSON text
	 */
	public static String malformed(String name) {
		return read("/contracts/malformed/" + name);
	}

	private static String read(String resource) {
		try (InputStream in = ContractSamples.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No contract sample " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
