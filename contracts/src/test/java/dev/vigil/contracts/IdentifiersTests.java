package dev.vigil.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTests {

	@ParameterizedTest
	@ValueSource(strings = { "driveway", "d", "Cam_01.front-door", "0",
			"a234567890123456789012345678901234567890123456789012345678901234" })
	void acceptsIdsOfTheSafeAlphabet(String id) {
		assertThat(Identifiers.isValid(id)).isTrue();
		assertThat(id).matches(Identifiers.PATTERN);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { ".hidden", "-flag", "_x", "a/b", "../x", "a b", "caméra", "a\nb", "a:b",
			"a2345678901234567890123456789012345678901234567890123456789012345" })
	void refusesEverythingElse(String id) {
		assertThat(Identifiers.isValid(id)).isFalse();
	}

}
