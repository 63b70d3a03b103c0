package dev.vigil.ingest.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.contracts.CameraConfig;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last known copy of the platform's settings for the cameras of this edge
 * ({@code camera-config.json} under the data directory, rewritten atomically). It says
 * which accounts the platform owns and at which revision, so a restart without Kafka
 * keeps working and a replayed record is recognised.
 */
class FollowedCameras {

	private final Path file;

	private final JsonMapper json;

	private final Map<String, CameraConfig> configs = new ConcurrentHashMap<>();

	FollowedCameras(Path file, JsonMapper json) {
		this.file = file;
		this.json = json;
		if (Files.exists(file)) {
			List<CameraConfig> stored = json.readValue(file.toFile(), new TypeReference<List<CameraConfig>>() {
			});
			stored.forEach((config) -> this.configs.put(config.cameraId(), config));
		}
	}

	Optional<CameraConfig> get(String cameraId) {
		return Optional.ofNullable(this.configs.get(cameraId));
	}

	Collection<CameraConfig> all() {
		return List.copyOf(this.configs.values());
	}

	synchronized void put(CameraConfig config) {
		this.configs.put(config.cameraId(), config);
		write();
	}

	synchronized void remove(String cameraId) {
		if (this.configs.remove(cameraId) != null) {
			write();
		}
	}

	private void write() {
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.write(temporary, this.json.writeValueAsBytes(new ArrayList<>(this.configs.values())));
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
	}

}
