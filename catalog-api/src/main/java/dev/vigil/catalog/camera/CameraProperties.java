package dev.vigil.catalog.camera;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Camera defaults.
 *
 * @param silentAfter a camera with no upload for this long is reported silent, unless the
 * camera overrides it. Motion cameras are quiet when nothing moves, so the default is
 * generous
 * @param configTopic the compacted topic of camera settings the edges follow
 * @param configRetry how often settings Kafka has not acknowledged yet are published
 * again
 * @param passwordIterations PBKDF2 iterations of new camera password hashes
 * @param detectionTopic the compacted topic of camera detection settings processing
 * follows
 */
@Validated
@ConfigurationProperties("vigil.catalog.cameras")
public record CameraProperties(@DefaultValue("24h") Duration silentAfter,
		@NotBlank @DefaultValue("camera.config") String configTopic, @DefaultValue("15s") Duration configRetry,
		@Min(10_000) @DefaultValue("600000") int passwordIterations,
		@NotBlank @DefaultValue("camera.detection") String detectionTopic) {

}
