package dev.vigil.processing.storage;

import java.util.Set;

import io.minio.MinioClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Properties.class)
class StorageConfiguration {

	/**
	 * Credentials that ship with MinIO and S3 test servers: never acceptable in
	 * production.
	 */
	private static final Set<String> WELL_KNOWN_SECRETS = Set.of("minioadmin", "minio123", "password", "changeme",
			"secret");

	@Bean
	MinioClient minioClient(S3Properties properties, Environment environment) {
		if (environment.matchesProfiles("production") && (WELL_KNOWN_SECRETS.contains(properties.secretKey())
				|| WELL_KNOWN_SECRETS.contains(properties.accessKey()))) {
			throw new IllegalStateException(
					"VIGIL_S3_ACCESS_KEY / VIGIL_S3_SECRET_KEY (vigil.s3.access-key / vigil.s3.secret-key) hold a well-known default; the production profile needs real credentials");
		}
		return MinioClient.builder()
			.endpoint(properties.endpoint().toString())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
	}

	@Bean
	MediaStore mediaStore(MinioClient client, S3Properties properties) {
		return new MediaStore(client, properties.bucket());
	}

	/**
	 * Readiness depends on the bucket: without it no event can be processed, so the
	 * consumer should not take partitions.
	 */
	@Bean
	HealthIndicator mediaStoreHealthIndicator(MediaStore store) {
		return () -> {
			try {
				return store.bucketExists() ? Health.up().withDetail("bucket", store.bucket()).build()
						: Health.down()
							.withDetail("bucket", store.bucket())
							.withDetail("error", "no such bucket")
							.build();
			}
			catch (RuntimeException ex) {
				// The MinIO client reports connection failures as unchecked exceptions.
				return Health.down().withDetail("bucket", store.bucket()).withDetail("error", ex.getMessage()).build();
			}
		};
	}

}
