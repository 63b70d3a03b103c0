package dev.vigil.catalog.it;

import java.time.Duration;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.vigil.devstack.Infrastructure;
import dev.vigil.devstack.VigilInfrastructure;

/**
 * The whole service against real Kafka, Redis, S3 and a MongoDB wire server from the
 * devstack extension, with tokens from {@link TestIssuer}. Subclasses share one context.
 * Each test uses its own cameras, so tests do not see each other's data, and each request
 * its own token (own rate-limit bucket) unless a test means otherwise.
 */
@VigilInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.ISSUER,
				"spring.mongodb.database=vigil-catalog-it", "vigil.catalog.events.gap=60s",
				"vigil.catalog.motion-events.quiet-gap=3s", "vigil.catalog.retention.enabled=false",
				"vigil.catalog.rate-limit.requests=60",
				"spring.cloud.stream.bindings.mediaUploaded-in-0.consumer.back-off-initial-interval=100",
				"spring.cloud.stream.bindings.mediaProcessed-in-0.consumer.back-off-initial-interval=100" })
@ActiveProfiles("devstack")
abstract class CatalogIT {

	static final TestIssuer issuer = TestIssuer.start();

	static WireEvents wire;

	static Infrastructure infrastructure;

	@LocalServerPort
	int port;

	Api api;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
	}

	@BeforeAll
	static void connect(Infrastructure infra) {
		infrastructure = infra;
		wire = new WireEvents(infra.kafkaBootstrapServers());
		WireEvents.bucket = infra.s3Bucket();
	}

	@AfterAll
	static void disconnect() {
		if (wire != null) {
			wire.close();
		}
	}

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

	/** Waits, within a generous bound, until the API shows what is expected. */
	static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(probe::get, done::test);
	}

}
