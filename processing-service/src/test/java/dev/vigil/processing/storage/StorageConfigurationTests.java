package dev.vigil.processing.storage;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class StorageConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(UserConfigurations.of(StorageConfiguration.class))
		.withPropertyValues("vigil.s3.endpoint=http://127.0.0.1:9");

	@Test
	void refusesToStartWithoutCredentialsNamingTheProperty() {
		this.runner.run(
				(context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("vigil.s3"));
	}

	@Test
	void refusesWellKnownDefaultCredentialsInProduction() {
		this.runner
			.withPropertyValues("spring.profiles.active=production", "vigil.s3.access-key=minioadmin",
					"vigil.s3.secret-key=minioadmin")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("VIGIL_S3_SECRET_KEY"));
	}

	@Test
	void startsWithRealCredentials() {
		this.runner
			.withPropertyValues("spring.profiles.active=production", "vigil.s3.access-key=edge-7f3a",
					"vigil.s3.secret-key=9c1e5d7b2a4f")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MediaStore.class));
	}

}
