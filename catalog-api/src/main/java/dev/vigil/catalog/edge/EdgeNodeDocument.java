package dev.vigil.catalog.edge;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.vigil.contracts.EdgeHeartbeat;

/**
 * The latest heartbeat of one edge node.
 *
 * @param id edge node id
 * @param version the edge's software version
 * @param startedAt when the edge process started
 * @param sentAt when the edge sent the heartbeat
 * @param receivedAt when the catalog read it: "last heard from", immune to the edge's
 * clock
 * @param spoolDepth uploads waiting at the edge
 * @param spoolBytes their size
 * @param freeDiskBytes free space on the edge's data volume
 * @param cameras camera accounts on the edge
 * @param endpoints where cameras reach the edge
 */
@Document("edges")
public record EdgeNodeDocument(@Id String id, String version, Instant startedAt, Instant sentAt, Instant receivedAt,
		int spoolDepth, long spoolBytes, long freeDiskBytes, int cameras, List<EdgeHeartbeat.Endpoint> endpoints) {

	static EdgeNodeDocument of(EdgeHeartbeat heartbeat, Instant receivedAt) {
		return new EdgeNodeDocument(heartbeat.edgeNodeId(), heartbeat.version(), heartbeat.startedAt(),
				heartbeat.sentAt(), receivedAt, heartbeat.spoolDepth(), heartbeat.spoolBytes(),
				heartbeat.freeDiskBytes(), heartbeat.cameras(), heartbeat.endpoints());
	}

}
