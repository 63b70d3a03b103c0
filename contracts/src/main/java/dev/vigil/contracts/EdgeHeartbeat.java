package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An edge node reports that it is alive and how it is doing. Sent every
 * {@code vigil.ingest.platform.heartbeat-interval} to {@link Topics#EDGE_HEARTBEAT}
 * (compacted, key = edge node id), so the platform sees which edges exist without ever
 * connecting to one.
 *
 * @param edgeNodeId the edge node
 * @param version the edge's software version
 * @param sentAt when this heartbeat was sent
 * @param startedAt when the edge process started
 * @param spoolDepth uploads waiting in the spool to be published
 * @param spoolBytes their size
 * @param freeDiskBytes usable space left on the edge's data volume
 * @param cameras camera accounts the edge accepts logins for
 * @param endpoints where cameras reach the edge
 * @param schemaVersion shape of this record; absent means 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EdgeHeartbeat(String edgeNodeId, String version, Instant sentAt, Instant startedAt, Integer spoolDepth,
		Long spoolBytes, Long freeDiskBytes, Integer cameras, List<Endpoint> endpoints, Integer schemaVersion) {

	/** The shape this code writes. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	public EdgeHeartbeat {
		Require.identifier(edgeNodeId, "edgeNodeId");
		Require.text(version, "version");
		Require.present(sentAt, "sentAt");
		Require.present(startedAt, "startedAt");
		Require.atLeast(Require.present(spoolDepth, "spoolDepth").longValue(), 0, "spoolDepth");
		Require.atLeast(spoolBytes, 0, "spoolBytes");
		Require.atLeast(freeDiskBytes, 0, "freeDiskBytes");
		Require.atLeast(Require.present(cameras, "cameras").longValue(), 0, "cameras");
		endpoints = List.copyOf((endpoints != null) ? endpoints : List.of());
		schemaVersion = Require.schemaVersion(schemaVersion);
	}

	/**
	 * One listener cameras upload to.
	 *
	 * @param protocol what the camera speaks
	 * @param host the address cameras use; absent when the edge does not know it (behind
	 * NAT without a configured address)
	 * @param port the port
	 * @param passivePorts FTP passive data port range such as {@code 30000-30049}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Endpoint(UploadProtocol protocol, @Nullable String host, Integer port,
			@Nullable String passivePorts) {

		public Endpoint {
			Require.present(protocol, "protocol");
			if (Require.present(port, "port") < 1 || port > 65535) {
				throw new InvalidEventException("port", "must be 1-65535");
			}
		}

	}

}
