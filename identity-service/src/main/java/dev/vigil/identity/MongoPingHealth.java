package dev.vigil.identity;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Devstack's MongoDB wire server has no {@code hello} command, which Boot's Mongo health
 * check uses; {@code ping} works on it and on a real MongoDB. The bean name replaces
 * Boot's indicator.
 */
@Component("mongoHealthContributor")
@Profile("devstack")
class MongoPingHealth extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealth(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document result = this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ping", result.get("ok"));
	}

}
