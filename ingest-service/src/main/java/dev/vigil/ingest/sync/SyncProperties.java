package dev.vigil.ingest.sync;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Following the platform's camera settings and reporting this edge's health.
 *
 * @param enabled follow {@code camera.config} and send heartbeats
 * @param configTopic the compacted topic of camera settings
 * @param heartbeatTopic the topic heartbeats go to
 * @param heartbeatInterval how often a heartbeat is sent
 * @param cameraHost the address cameras use to reach this edge, shown on the platform's
 * camera settings card; when empty the FTP passive external address, else this host's
 * first site-local address
 * @param retryInterval wait between attempts while Kafka is unreachable
 */
@ConfigurationProperties("vigil.ingest.platform")
@Validated
record SyncProperties(@DefaultValue("true") boolean enabled,
		@NotBlank @DefaultValue("camera.config") String configTopic,
		@NotBlank @DefaultValue("edge.heartbeat") String heartbeatTopic,
		@NotNull @DefaultValue("30s") Duration heartbeatInterval, @Nullable String cameraHost,
		@NotNull @DefaultValue("5s") Duration retryInterval) {
}
