package dev.vigil.ui.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.vigil.ui.web.CameraDirectory;

/**
 * The camera list of the user and API-client forms: parsed as typed, and checked against
 * the catalog's cameras.
 */
@Component
class CameraList {

	private final CameraDirectory cameras;

	CameraList(CameraDirectory cameras) {
		this.cameras = cameras;
	}

	/** A message naming the cameras of a list that do not exist, or null when all do. */
	@Nullable String unknown(@Nullable String cameras) {
		List<String> ids = parse(cameras);
		if (ids == null) {
			return null;
		}
		Set<String> known = new TreeSet<>(this.cameras.byId().keySet());
		List<String> unknown = ids.stream().filter((id) -> !known.contains(id)).toList();
		if (unknown.isEmpty()) {
			return null;
		}
		return "No such camera: " + String.join(", ", unknown) + ". Known cameras: "
				+ (known.isEmpty() ? "none yet" : String.join(", ", known)) + ".";
	}

	/**
	 * The camera ids of a list as typed (commas or spaces); null for none (all cameras).
	 */
	static @Nullable List<String> parse(@Nullable String cameras) {
		if (cameras == null || cameras.isBlank()) {
			return null;
		}
		List<String> ids = Arrays.stream(cameras.split("[,\\s]+")).filter((id) -> !id.isBlank()).toList();
		return ids;
	}

}
