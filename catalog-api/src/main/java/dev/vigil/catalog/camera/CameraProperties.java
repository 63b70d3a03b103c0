package dev.vigil.catalog.camera;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Camera defaults.
 *
 * @param silentAfter a camera with no upload for this long is reported silent, unless the
 * camera overrides it. Motion cameras are quiet when nothing moves, so the default is
 * generous
 */
@Validated
@ConfigurationProperties("vigil.catalog.cameras")
public record CameraProperties(@DefaultValue("24h") Duration silentAfter) {

}
