package dev.vigil.ingest.quota;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one camera may hold on this edge node.
 *
 * @param perCamera bytes one camera may hold in its home, its quarantine and the spool
 * together; beyond it its uploads get 552 while other cameras keep uploading. Below
 * {@code vigil.ingest.spool.max-size} divided by the number of cameras, no camera can
 * push the others into 452
 * @param cameras per-camera overrides, by camera id
 */
@ConfigurationProperties("vigil.ingest.quota")
@Validated
public record QuotaProperties(@NotNull @DefaultValue("1GB") DataSize perCamera,
		@Nullable Map<String, DataSize> cameras) {

	public QuotaProperties {
		cameras = (cameras != null) ? Map.copyOf(cameras) : Map.of();
	}

	/** The quota of one camera in bytes. */
	public long of(String cameraId) {
		DataSize own = (this.cameras != null) ? this.cameras.get(cameraId) : null;
		return ((own != null) ? own : this.perCamera).toBytes();
	}

}
