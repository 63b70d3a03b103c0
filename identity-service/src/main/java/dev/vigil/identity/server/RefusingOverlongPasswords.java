package dev.vigil.identity.server;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt throws on input over 72 bytes, which turned a long password typed at sign-in
 * into a 500. Such a password simply does not match (the password policy never lets one
 * be chosen), so the sign-in fails like any wrong password.
 */
final class RefusingOverlongPasswords implements PasswordEncoder {

	private final PasswordEncoder delegate;

	RefusingOverlongPasswords(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		try {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
