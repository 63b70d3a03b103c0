package dev.vigil.catalog.mongo;

import dev.vigil.support.PingMongoHealth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * In the devstack profile, Mongo health is a {@code ping} (see {@link PingMongoHealth}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("devstack")
class DevstackMongoHealth {

	@Bean(PingMongoHealth.BEAN_NAME)
	PingMongoHealth mongoHealthContributor(MongoTemplate mongo) {
		return new PingMongoHealth(mongo);
	}

}
