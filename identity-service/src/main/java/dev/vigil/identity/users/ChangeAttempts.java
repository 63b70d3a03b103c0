package dev.vigil.identity.users;

import java.time.Duration;
import java.util.Optional;

/**
 * Throttling of the password change form: a wrong current password counts like a failed
 * sign-in, so a stolen session cannot be used to guess the password at full speed.
 * Implemented by the sign-in throttle.
 */
public interface ChangeAttempts {

	/**
	 * How long this user (or source) is still locked, if it is.
	 * @param username the signed-in user
	 * @param source the request's address
	 * @return the remaining lock-out
	 */
	Optional<Duration> lockedFor(String username, String source);

	/**
	 * Counts a wrong current password.
	 * @param username the signed-in user
	 * @param source the request's address
	 */
	void failed(String username, String source);

}
