package dev.vigil.notify.system;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.RejectedEventException;
import dev.vigil.notify.delivery.SystemConditions;

/**
 * Edge spool backlog and disk, from each {@code edge.heartbeat}: above
 * {@code edge-spool-warning} bytes waiting, or below {@code edge-min-free-disk} free, the
 * edge is close to refusing uploads. Heartbeats sent more than 10 minutes ago are
 * skipped.
 */
@Component
class EdgeHealth {

	private static final Logger log = LoggerFactory.getLogger(EdgeHealth.class);

	/** Heartbeats older than this describe a past state. */
	static final Duration STALE = Duration.ofMinutes(10);

	private final Conditions conditions;

	private final Clock clock = Clock.systemUTC();

	private final Thresholds thresholds;

	private final EventCodec codec;

	EdgeHealth(Conditions conditions, Thresholds thresholds, EventCodec codec) {
		this.conditions = conditions;
		this.thresholds = thresholds;
		this.codec = codec;
	}

	void heartbeats(Iterable<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				continue;
			}
			EdgeHeartbeat heartbeat;
			try {
				heartbeat = this.codec.read(record.value(), EdgeHeartbeat.class);
			}
			catch (RejectedEventException | IllegalArgumentException | NullPointerException ex) {
				log.debug("Ignoring an unreadable heartbeat for {}: {}", record.key(), ex.getMessage());
				continue;
			}
			apply(heartbeat);
		}
	}

	void apply(EdgeHeartbeat heartbeat) {
		if (heartbeat.sentAt().isBefore(this.clock.instant().minus(STALE))) {
			// Read again from the topic's start: an old state must not alert now.
			return;
		}
		String edge = heartbeat.edgeNodeId();
		Thresholds.InForce limits = this.thresholds.current();
		DataSize warning = limits.edgeSpoolWarning();
		if (heartbeat.spoolBytes() != null) {
			boolean backlog = heartbeat.spoolBytes() > warning.toBytes();
			this.conditions.report(SystemConditions.EDGE_BACKLOG, edge, backlog,
					"Edge " + edge + (backlog ? " has a spool backlog" : " spool is back to normal"),
					heartbeat.spoolDepth() + " upload(s), " + mb(heartbeat.spoolBytes()) + " waiting (warning above "
							+ mb(warning.toBytes()) + ")");
		}
		if (heartbeat.freeDiskBytes() != null) {
			DataSize floor = limits.edgeMinFreeDisk();
			boolean low = heartbeat.freeDiskBytes() < floor.toBytes();
			this.conditions.report(SystemConditions.EDGE_DISK, edge, low,
					"Edge " + edge + (low ? " is low on disk" : " has disk space again"),
					mb(heartbeat.freeDiskBytes()) + " free (warning below " + mb(floor.toBytes()) + ")");
		}
	}

	private static String mb(long bytes) {
		return (bytes / (1024 * 1024)) + " MB";
	}

}
