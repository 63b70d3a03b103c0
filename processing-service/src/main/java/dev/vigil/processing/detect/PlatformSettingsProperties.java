package dev.vigil.processing.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the platform's per-camera detection settings come from.
 *
 * @param follow whether to follow the platform's {@code camera.detection} topic
 * @param topic the topic
 * @param settingsFile the last known copy; absent means
 * {@code .vigil/state/processing/camera-detection.json} under the working directory or a
 * parent that has {@code .vigil}, else {@value #IMAGE_FILE} (the container image's
 * volume)
 * @param retry pause before reconnecting after a failure
 */
@Validated
@ConfigurationProperties("vigil.processing.detection.platform")
record PlatformSettingsProperties(@DefaultValue("true") boolean follow,
		@DefaultValue("camera.detection") @NotBlank String topic, @Nullable Path settingsFile,
		@DefaultValue("15s") Duration retry) {

	static final String IMAGE_FILE = "/var/lib/vigil/processing/camera-detection.json";

	Path file() {
		if (this.settingsFile != null) {
			return this.settingsFile.toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve(".vigil"))) {
				return dir.resolve(".vigil/state/processing/camera-detection.json");
			}
		}
		return Path.of(IMAGE_FILE);
	}

}
