package dev.vigil.catalog.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.vigil.contracts.EdgeHeartbeat;

/**
 * The edge nodes that have sent a heartbeat, in MongoDB. A redelivered or out-of-order
 * heartbeat (older {@code sentAt}) never replaces a newer one.
 */
@Component
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeNodes {

	private final MongoTemplate mongo;

	private final EdgeProperties properties;

	private final Clock clock = Clock.systemUTC();

	EdgeNodes(MongoTemplate mongo, EdgeProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	boolean heard(EdgeHeartbeat heartbeat) {
		EdgeNodeDocument current = this.mongo.findById(heartbeat.edgeNodeId(), EdgeNodeDocument.class);
		if (current != null && !heartbeat.sentAt().isAfter(current.sentAt())) {
			return false;
		}
		this.mongo.save(EdgeNodeDocument.of(heartbeat, this.clock.instant()));
		return true;
	}

	public Optional<EdgeNodeDocument> find(String edgeNodeId) {
		return Optional.ofNullable(this.mongo.findById(edgeNodeId, EdgeNodeDocument.class));
	}

	public List<EdgeNodeDocument> all() {
		return this.mongo.find(new Query().with(Sort.by("_id")), EdgeNodeDocument.class);
	}

	/** Whether the edge was heard from recently enough to count as online. */
	public boolean isOnline(EdgeNodeDocument edge) {
		return Duration.between(edge.receivedAt(), this.clock.instant()).compareTo(this.properties.offlineAfter()) <= 0;
	}

	Instant now() {
		return this.clock.instant();
	}

}
