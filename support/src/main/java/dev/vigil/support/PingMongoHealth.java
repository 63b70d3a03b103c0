package dev.vigil.support;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB health check with {@code ping}: devstack's MongoDB wire server does not
 * implement {@code hello}, which Boot's Mongo health check sends, and {@code ping} works
 * there and on a real MongoDB. A service registers it in its {@code devstack} profile
 * under Boot's bean name {@value #BEAN_NAME}, so Boot's indicator backs off and health
 * stays meaningful rather than switched off.
 */
public class PingMongoHealth extends AbstractHealthIndicator {

	/** The bean name of Boot's Mongo health contributor, which this one replaces. */
	public static final String BEAN_NAME = "mongoHealthContributor";

	private static final Document PING = new Document("ping", 1);

	private final MongoTemplate mongo;

	public PingMongoHealth(MongoTemplate mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = this.mongo.executeCommand(PING);
		builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ok", result.get("ok"));
	}

}
