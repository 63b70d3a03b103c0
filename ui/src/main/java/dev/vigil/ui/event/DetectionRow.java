package dev.vigil.ui.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.ui.catalog.Media;

/**
 * One line of the event page's detection list. A clip's detector samples many frames and
 * finds the same person in each; those become one line per label ("person 91 %, in 50
 * frames") instead of 50 identical rows. A picture keeps one line per detection, matching
 * its boxes.
 *
 * @param label what was found
 * @param confidence highest confidence among the detections of the line
 * @param frames how many sampled frames (clips) or boxes (pictures) it covers
 * @param indices the detections' indices, for the not-a-person feedback
 * @param falsePositive whether every detection of the line was marked wrong
 */
record DetectionRow(String label, double confidence, int frames, List<Integer> indices, boolean falsePositive) {

	static List<DetectionRow> of(Media media) {
		List<DetectionRow> rows = new ArrayList<>();
		if (!media.isVideo()) {
			for (Media.Detection detection : media.detections()) {
				rows.add(new DetectionRow(detection.label(), detection.confidence(), 1, List.of(detection.index()),
						detection.falsePositive()));
			}
			return rows;
		}
		Map<String, List<Media.Detection>> byLabel = new LinkedHashMap<>();
		for (Media.Detection detection : media.detections()) {
			byLabel.computeIfAbsent(detection.label(), (label) -> new ArrayList<>()).add(detection);
		}
		byLabel.forEach((label,
				detections) -> rows.add(new DetectionRow(label,
						detections.stream().mapToDouble(Media.Detection::confidence).max().orElse(0), detections.size(),
						detections.stream().map(Media.Detection::index).toList(),
						detections.stream().allMatch(Media.Detection::falsePositive))));
		rows.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		return rows;
	}

}
