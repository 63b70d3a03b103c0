package dev.vigil.processing.detect.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One labelled picture: a still, or a frame of a clip.
 *
 * @param media path under the media directory
 * @param frame frame index for clips, null for stills
 * @param people how many people a human counted
 * @param note what the picture shows
 */
record LabelledItem(String media, @Nullable Integer frame, int people, String note) {

	String id() {
		return (this.frame != null) ? this.media + "#" + this.frame : this.media;
	}

	static List<LabelledItem> read(Path csv) throws IOException {
		List<LabelledItem> items = new ArrayList<>();
		for (String line : LabelFiles.dataLines(csv)) {
			String[] cells = line.split(",", 4);
			if (cells.length < 3) {
				throw new IllegalArgumentException("Bad label line: " + line);
			}
			Integer frame = cells[1].isBlank() ? null : Integer.valueOf(cells[1].trim());
			items.add(new LabelledItem(cells[0].trim(), frame, Integer.parseInt(cells[2].trim()),
					(cells.length > 3) ? cells[3] : ""));
		}
		return items;
	}

}
