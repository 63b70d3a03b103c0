package dev.vigil.bench.fault;

/**
 * The faults the suite injects while cameras upload.
 */
public enum FaultScenario {

	/** The object store stops mid-burst and comes back after the outage. */
	S3_DOWN("S3 down mid-burst", true),

	/** The Kafka broker stops mid-burst and comes back after the outage. */
	KAFKA_DOWN("Kafka down mid-burst", true),

	/** The catalog's MongoDB (wire server) stops mid-burst and comes back. */
	MONGO_DOWN("MongoDB down mid-burst", true),

	/** processing-service is killed ({@code kill -9}) mid-burst and started again. */
	PROCESSING_KILLED("processing-service kill -9 + restart", true),

	/** catalog-api is killed ({@code kill -9}) mid-burst and started again. */
	CATALOG_KILLED("catalog-api kill -9 + restart", true),

	/**
	 * With S3 down the edge's spool fills; S3 comes back and the edge is killed
	 * ({@code kill -9}) while it drains, then started again.
	 */
	EDGE_KILLED_MID_DRAIN("edge kill -9 mid-drain + restart", true),

	/**
	 * An edge with a small spool high-water mark, S3 down: the burst reaches the mark and
	 * the edge must refuse (4xx) what it cannot store.
	 */
	EDGE_SPOOL_FULL("edge spool at its high-water mark", false);

	private final String title;

	private final boolean expectsAllAccepted;

	FaultScenario(String title, boolean expectsAllAccepted) {
		this.title = title;
		this.expectsAllAccepted = expectsAllAccepted;
	}

	/**
	 * For the report.
	 * @return a short description
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Whether the edge's design promises to take every upload through this fault (its
	 * spool absorbs outages behind it), so that a refusal is a failure.
	 * @return true unless the scenario is about refusals
	 */
	public boolean expectsAllAccepted() {
		return this.expectsAllAccepted;
	}

}
