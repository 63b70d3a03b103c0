package dev.vigil.catalog.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionSettingsCheckTests {

	@Test
	void refusesToStartWithoutIssuerOrS3KeysNamingTheVariables() {
		assertThatThrownBy(() -> new ProductionSettingsCheck(new MockEnvironment()).afterPropertiesSet())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
			.hasMessageContaining("VIGIL_S3_ACCESS_KEY")
			.hasMessageContaining("VIGIL_S3_SECRET_KEY");
	}

	@Test
	void refusesWellKnownDefaultCredentials() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.example")
			.withProperty("vigil.s3.access-key", "minioadmin")
			.withProperty("vigil.s3.secret-key", "minioadmin");
		assertThatThrownBy(() -> new ProductionSettingsCheck(environment).afterPropertiesSet())
			.hasMessageContaining("VIGIL_S3_ACCESS_KEY is a well-known default");
	}

	@Test
	void startsWithRealSettings() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://id.example/jwks")
			.withProperty("vigil.s3.access-key", "k-7f3a9c")
			.withProperty("vigil.s3.secret-key", "s-2b8e41d0c6");
		assertThatNoException().isThrownBy(() -> new ProductionSettingsCheck(environment).afterPropertiesSet());
	}

}
