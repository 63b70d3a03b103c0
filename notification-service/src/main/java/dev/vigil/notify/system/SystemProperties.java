package dev.vigil.notify.system;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * System alerts.
 *
 * @param enabled watch the system at all
 * @param checkInterval how often silence, dead letters and health are checked
 * @param cameraSilentAfter a camera without upload for this long is silent, unless its
 * {@code camera.config} record sets {@code silentAfterMinutes}. Motion cameras are quiet
 * while nothing moves, so the default matches catalog-api's
 * @param edgeSpoolWarning an edge whose spool holds more than this is backlogged (the
 * edge refuses uploads at its high-water mark, 2 GB by default)
 * @param edgeMinFreeDisk an edge with less free space than this is low on disk (the edge
 * refuses uploads below 256 MB by default)
 * @param deadLetterQuietAfter dead letters count as recovered after this long without
 * growth
 * @param services service name to its health URL (e.g.
 * {@code catalog-api: http://catalog-api:8082/actuator/health})
 * @param serviceFailures consecutive failed health checks before a service is down
 * @param healthTimeout timeout of one health check
 * @param mediaUploadedTopic uploads, for the last time a camera was heard
 * @param edgeHeartbeatTopic edge heartbeats
 * @param cameraConfigTopic camera settings, for thresholds and disabled cameras
 */
@Validated
@ConfigurationProperties("vigil.notification.system")
public record SystemProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration checkInterval,
		@DefaultValue("24h") Duration cameraSilentAfter, @DefaultValue("1536MB") DataSize edgeSpoolWarning,
		@DefaultValue("512MB") DataSize edgeMinFreeDisk, @DefaultValue("15m") Duration deadLetterQuietAfter,
		@DefaultValue Map<String, URI> services, @DefaultValue("2") int serviceFailures,
		@DefaultValue("5s") Duration healthTimeout, @DefaultValue("media.uploaded") String mediaUploadedTopic,
		@DefaultValue("edge.heartbeat") String edgeHeartbeatTopic,
		@DefaultValue("camera.config") String cameraConfigTopic) {

	public SystemProperties {
		if (serviceFailures < 1) {
			throw new IllegalArgumentException("vigil.notification.system.service-failures must be at least 1");
		}
		for (Map.Entry<String, URI> service : services.entrySet()) {
			String scheme = service.getValue().getScheme();
			if (!"http".equals(scheme) && !"https".equals(scheme)) {
				throw new IllegalArgumentException(
						"vigil.notification.system.services." + service.getKey() + " must be an http(s) URL");
			}
		}
	}

}
