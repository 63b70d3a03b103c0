package dev.vigil.notify.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires the system checks: two Kafka feeds (uploads and heartbeats, group
 * {@code notification-system}; camera settings, group
 * {@code notification-system-cameras}; a new group reads from the beginning, stale
 * heartbeats are skipped), and one scheduled round of silence, dead letters and health
 * every {@code check-interval}. A check that fails (Kafka away) is logged and tried again
 * next round.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vigil.notification.system.enabled", matchIfMissing = true)
class SystemConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

	// The connection (bootstrap servers, security.protocol, spring.kafka.properties.*:
	// SASL)
	// is Boot's, as for the binder's clients.
	@Bean
	KafkaFeed liveness(KafkaProperties kafka, SystemProperties properties, CameraSilence silence, EdgeHealth edges) {
		return new KafkaFeed("liveness", kafka.buildConsumerProperties(), "notification-system", "earliest",
				List.of(properties.mediaUploadedTopic(), properties.edgeHeartbeatTopic()), (records) -> {
					silence.uploads(records.records(properties.mediaUploadedTopic()));
					edges.heartbeats(records.records(properties.edgeHeartbeatTopic()));
				});
	}

	@Bean
	KafkaFeed cameraSettings(KafkaProperties kafka, SystemProperties properties, CameraSilence silence) {
		return new KafkaFeed("cameras", kafka.buildConsumerProperties(), "notification-system-cameras", "earliest",
				List.of(properties.cameraConfigTopic()),
				(records) -> silence.settings(records.records(properties.cameraConfigTopic())));
	}

	@Bean(destroyMethod = "close")
	Admin systemAdmin(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "vigil-notification-system");
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		return Admin.create(config);
	}

	@Bean
	DeadLetters deadLetters(Admin systemAdmin, MongoTemplate mongo, Conditions conditions, Thresholds thresholds) {
		return new DeadLetters(systemAdmin, mongo, conditions, thresholds);
	}

	@Bean
	ServiceHealth serviceHealth(SystemProperties properties, Conditions conditions, Thresholds thresholds,
			JsonMapper json) {
		return new ServiceHealth(properties, conditions, thresholds, json);
	}

	@Bean
	Round systemRound(CameraSilence silence, DeadLetters deadLetters, ServiceHealth health) {
		return new Round(silence, deadLetters, health);
	}

	/**
	 * One round of the periodic checks; each on its own, so one failing skips no other.
	 */
	static class Round {

		private final CameraSilence silence;

		private final DeadLetters deadLetters;

		private final ServiceHealth health;

		Round(CameraSilence silence, DeadLetters deadLetters, ServiceHealth health) {
			this.silence = silence;
			this.deadLetters = deadLetters;
			this.health = health;
		}

		@Scheduled(fixedDelayString = "${vigil.notification.system.check-interval:30s}",
				initialDelayString = "${vigil.notification.system.check-interval:30s}")
		void run() {
			try {
				this.silence.checkAll();
			}
			catch (RuntimeException ex) {
				log.warn("Silent-camera check failed: {}", ex.getMessage());
			}
			try {
				this.deadLetters.check();
			}
			catch (Exception ex) {
				log.warn("Dead-letter check failed: {}", ex.toString());
			}
			try {
				this.health.check();
			}
			catch (RuntimeException ex) {
				log.warn("Health check failed: {}", ex.getMessage());
			}
		}

	}

}
