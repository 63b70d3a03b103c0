package dev.vigil.identity.grants;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's grant and consent stores, and the purge of expired grants.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrantProperties.class)
class GrantStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GrantStoreConfiguration.class);

	@Bean
	MongoAuthorizationService authorizationService(MongoTemplate mongo, RegisteredClientRepository clients,
			GrantProperties properties) {
		return new MongoAuthorizationService(mongo, clients, properties.pendingTtl(), Clock.systemUTC());
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(MongoTemplate mongo,
			RegisteredClientRepository clients) {
		return new MongoAuthorizationConsentService(mongo, clients);
	}

	/**
	 * Creates the indexes (first run, right after start, retried until MongoDB answers:
	 * the service starts without it) and deletes expired grants on a schedule: MongoDB's
	 * TTL monitor would do it too, but MongoDB-compatible servers (the devstack wire
	 * server among them) accept TTL indexes without running them, and the store must stay
	 * bounded everywhere.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService expiredGrantPurge(MongoAuthorizationService authorizations, GrantProperties properties) {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("expired-grant-purge").factory());
		long period = Math.max(1, properties.purgeInterval().toMillis());
		AtomicBoolean indexed = new AtomicBoolean();
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				if (!indexed.get()) {
					authorizations.createIndexes();
					indexed.set(true);
				}
				long deleted = authorizations.purge();
				if (deleted > 0) {
					log.debug("Purged {} expired authorizations", deleted);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Purging expired authorizations failed, next try in {}: {}", properties.purgeInterval(),
						ex.getMessage());
			}
		}, 0, period, TimeUnit.MILLISECONDS);
		return scheduler;
	}

}
