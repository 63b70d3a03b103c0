package dev.vigil.identity.login;

import java.time.Duration;
import java.util.Optional;

import dev.vigil.identity.audit.AuditLog;
import dev.vigil.identity.users.ChangeAttempts;

import org.springframework.stereotype.Component;

/**
 * The password change form's wrong current passwords count in the sign-in throttle (same
 * account and source counters, same lock-out).
 */
@Component
class ThrottledChangeAttempts implements ChangeAttempts {

	private final LoginThrottle throttle;

	private final AuditLog audit;

	ThrottledChangeAttempts(LoginThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Optional<Duration> lockedFor(String username, String source) {
		return this.throttle.lockedFor(username, source);
	}

	@Override
	public void failed(String username, String source) {
		Optional<Duration> lock = this.throttle.recordFailure(username, source);
		this.audit.record(AuditLog.Type.LOGIN_FAILED, username, null, source, "wrong current password on change form"
				+ lock.map((duration) -> ", locked for " + duration.toSeconds() + "s").orElse(""));
	}

}
