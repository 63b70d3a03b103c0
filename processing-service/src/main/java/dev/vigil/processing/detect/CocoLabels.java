package dev.vigil.processing.detect;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The 80 classes of the COCO data set (in the order COCO-trained models output them) and
 * how Vigil reports them: {@code person}, {@code vehicle} (bicycle, car, motorcycle, bus,
 * truck) and {@code animal} (bird, cat, dog, horse, sheep, cow, elephant, bear, zebra,
 * giraffe). Other classes (furniture, a kite, a toothbrush) are not reported: a camera
 * platform filters on who or what moves in front of the camera.
 */
public final class CocoLabels {

	/** Vigil label of people. */
	public static final String PERSON = "person";

	/** Vigil label of road vehicles and bicycles. */
	public static final String VEHICLE = "vehicle";

	/** Vigil label of animals. */
	public static final String ANIMAL = "animal";

	/** The labels a COCO detector reports. */
	public static final List<String> REPORTED = List.of(PERSON, VEHICLE, ANIMAL);

	static final List<String> CLASSES = List.of("person", "bicycle", "car", "motorcycle", "airplane", "bus", "train",
			"truck", "boat", "traffic light", "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat",
			"dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag",
			"tie", "suitcase", "frisbee", "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove",
			"skateboard", "surfboard", "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl",
			"banana", "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair",
			"couch", "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard",
			"cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors",
			"teddy bear", "hair drier", "toothbrush");

	private static final Set<String> VEHICLES = Set.of("bicycle", "car", "motorcycle", "bus", "truck");

	private static final Set<String> ANIMALS = Set.of("bird", "cat", "dog", "horse", "sheep", "cow", "elephant", "bear",
			"zebra", "giraffe");

	private CocoLabels() {
	}

	/**
	 * The Vigil label of a COCO class.
	 * @param classIndex index into the 80 COCO classes
	 * @return {@code person}, {@code vehicle}, {@code animal}, or null when not reported
	 */
	public static @Nullable String label(int classIndex) {
		String name = CLASSES.get(classIndex);
		if (PERSON.equals(name)) {
			return PERSON;
		}
		if (VEHICLES.contains(name)) {
			return VEHICLE;
		}
		return ANIMALS.contains(name) ? ANIMAL : null;
	}

}
