package dev.vigil.catalog.onboarding;

import org.junit.jupiter.api.Test;

import dev.vigil.catalog.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlugTests {

	@Test
	void makesSafeIdsFromNames() {
		assertThat(OnboardingController.slug(" Front Door ")).isEqualTo("front-door");
		assertThat(OnboardingController.slug("Garage/Back (2)")).isEqualTo("garage-back-2");
		assertThat(OnboardingController.slug("..Porch")).isEqualTo("porch");
		assertThat(OnboardingController.slug("x".repeat(80))).hasSize(64);
	}

	@Test
	void refusesNamesWithoutALetterOrDigit() {
		assertThatThrownBy(() -> OnboardingController.slug("???")).isInstanceOf(ApiException.class);
	}

}
