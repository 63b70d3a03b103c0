package dev.vigil.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;

import dev.vigil.contracts.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this edge node keeps its state and how it names itself on the wire.
 *
 * @param dataDir root of the camera homes, spool, quarantine, keys and account store
 * @param edgeNodeId id written into every event; defaults to the host name
 */
@ConfigurationProperties("vigil.ingest")
@Validated
public record EdgeProperties(@NotNull @DefaultValue("data/ingest") Path dataDir,
		@Nullable @Pattern(regexp = Identifiers.PATTERN) String edgeNodeId) {

	/** The configured id, else a safe form of the host name. */
	public String nodeId() {
		if (this.edgeNodeId != null) {
			return this.edgeNodeId;
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "edge";
		}
		String safe = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
		return safe.isEmpty() ? "edge" : (safe.length() > 64 ? safe.substring(0, 64) : safe);
	}

	public Path homes() {
		return this.dataDir.resolve("homes");
	}

	public Path spool() {
		return this.dataDir.resolve("spool");
	}

	public Path quarantine() {
		return this.dataDir.resolve("quarantine");
	}

}
