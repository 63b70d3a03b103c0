package dev.vigil.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a per-class lifecycle the instance is built before {@code beforeAll}; the
 * properties must already be there (a Spring context would be created at that moment).
 */
@VigilInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassLifecycleIT {

	private final String bootstrapSeenAtConstruction = System.getProperty("spring.kafka.bootstrap-servers", "");

	@Test
	void setsThePropertiesBeforeTheInstanceIsBuilt(Infrastructure infrastructure) {
		assertThat(this.bootstrapSeenAtConstruction).isEqualTo(infrastructure.kafkaBootstrapServers());
	}

}
