package dev.vigil.ui.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionSettingsCheckTests {

	@Test
	void refusesAMissingClientSecretAndNamesTheVariable() {
		assertThatIllegalStateException().isThrownBy(() -> check(null)).withMessageContaining("VIGIL_UI_CLIENT_SECRET");
	}

	@Test
	void refusesWellKnownAndShortSecrets() {
		assertThatIllegalStateException().isThrownBy(() -> check("changeme")).withMessageContaining("well-known");
		assertThatIllegalStateException().isThrownBy(() -> check("short")).withMessageContaining("well-known");
	}

	@Test
	void acceptsAStrongSecret() {
		assertThatNoException().isThrownBy(() -> check("k3J9x0QmZr7VtY2pLw8N"));
	}

	private static void check(String secret) {
		MockEnvironment environment = new MockEnvironment();
		if (secret != null) {
			environment.setProperty(ProductionSettingsCheck.SECRET, secret);
		}
		new ProductionSettingsCheck(environment).afterPropertiesSet();
	}

}
