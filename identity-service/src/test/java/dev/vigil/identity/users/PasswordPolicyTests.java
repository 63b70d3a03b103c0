package dev.vigil.identity.users;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = PasswordPolicy.load();

	@ParameterizedTest
	@ValueSource(strings = { "            ", "password1234", "Password1234!", "1234password", "123456789012",
			"aaaaaaaaaaaa", "abcabcabcabc", "qwertyqwertyqwerty", "LetMeIn!2024", "correcthorsebatterystaple",
			"alice2024!!!", "short" })
	void refusesShortTrivialCommonAndUsernamePasswords(String password) {
		assertThat(this.policy.problem(password, "alice")).as(password).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "staple horse 1f3a battery", "a long new root passphrase", "Tr0ub4dor&3 again!",
			"gateway admin passphrase 1234" })
	void acceptsLongUncommonPasswords(String password) {
		assertThat(this.policy.problem(password, "alice")).as(password).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 73, 100 })
	void refusesMoreThanSeventyTwoBytesWithAMessage(int bytes) {
		assertThat(this.policy.problem("x".repeat(bytes), "alice")).contains("at most 72 bytes");
		// Characters are not bytes: 40 two-byte letters are 80 bytes.
		assertThat(this.policy.problem("ü".repeat(40), "alice")).contains("at most 72 bytes");
	}

}
