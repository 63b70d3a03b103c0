package dev.vigil.ingest.intake;

import dev.vigil.ingest.spool.Spool;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness means "can accept uploads": the spool is writable and below its high-water
 * mark. A backlog waiting for the object store or Kafka does not make the edge unready;
 * cameras must keep uploading during an outage.
 */
class IntakeHealthIndicator extends AbstractHealthIndicator {

	private final Intake intake;

	private final Spool spool;

	IntakeHealthIndicator(Intake intake, Spool spool) {
		this.intake = intake;
		this.spool = spool;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("spoolDepth", this.spool.depth()).withDetail("spoolBytes", this.spool.pendingBytes());
		if (!this.spool.isWritable()) {
			builder.down().withDetail("reason", "spool not writable");
		}
		else if (this.intake.isSpoolFull()) {
			builder.down().withDetail("reason", "spool above high-water mark");
		}
		else {
			builder.up();
		}
	}

}
