package dev.vigil.processing.detect.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One picture of the box-labelled set ({@code eval/people-boxes.csv}).
 *
 * @param media path under the media directory
 * @param frame frame index for clips, null for stills
 * @param tune whether the picture is in the half thresholds are picked on
 * @param people boxes of the people
 * @param ignore "don't care" regions: detections there count neither way
 * @param note what the picture shows
 */
record LabelledPicture(String media, @Nullable Integer frame, boolean tune, List<Box> people, List<Box> ignore,
		String note) {

	String id() {
		return (this.frame != null) ? this.media + "#" + this.frame : this.media;
	}

	static List<LabelledPicture> read(Path csv) throws IOException {
		List<LabelledPicture> pictures = new ArrayList<>();
		for (String line : LabelFiles.dataLines(csv)) {
			pictures.add(parse(line));
		}
		return pictures;
	}

	static LabelledPicture parse(String line) {
		String[] cells = line.split(",", 4);
		if (cells.length < 3) {
			throw new IllegalArgumentException("Bad label line: " + line);
		}
		String half = cells[1].strip();
		if (!half.equals("tune") && !half.equals("report")) {
			throw new IllegalArgumentException("The half is 'tune' or 'report': " + line);
		}
		List<Box> people = new ArrayList<>();
		List<Box> ignore = new ArrayList<>();
		for (String box : cells[2].split(";")) {
			if (box.isBlank()) {
				continue;
			}
			if (box.strip().startsWith("?")) {
				ignore.add(Box.parse(box.strip().substring(1)));
			}
			else {
				people.add(Box.parse(box));
			}
		}
		String[] picture = cells[0].strip().split("#", 2);
		Integer frame = (picture.length > 1) ? Integer.valueOf(picture[1]) : null;
		return new LabelledPicture(picture[0], frame, half.equals("tune"), List.copyOf(people), List.copyOf(ignore),
				(cells.length > 3) ? cells[3] : "");
	}

}
