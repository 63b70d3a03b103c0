package dev.vigil.ingest;

import java.nio.file.Path;

/**
 * Real camera-like media (darknet and OpenCV sample files) through devstack's resolver.
 */
public final class TestMedia {

	private TestMedia() {
	}

	public static Path file(String relative) {
		return dev.vigil.devstack.TestMedia.file(relative);
	}

}
