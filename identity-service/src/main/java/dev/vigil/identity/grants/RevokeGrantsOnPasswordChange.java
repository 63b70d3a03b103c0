package dev.vigil.identity.grants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.identity.users.PasswordChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A password change revokes the user's grants: refresh tokens held by the ui or the CLI
 * (possibly by whoever knew the old password) stop working, so those sessions end at
 * their next token refresh.
 */
@Component
class RevokeGrantsOnPasswordChange {

	private static final Logger log = LoggerFactory.getLogger(RevokeGrantsOnPasswordChange.class);

	private final MongoAuthorizationService authorizations;

	RevokeGrantsOnPasswordChange(MongoAuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@EventListener
	void revoke(PasswordChanged changed) {
		long removed = this.authorizations.removeAllOf(changed.username());
		log.info("Password of {} changed: revoked {} grants", changed.username(), removed);
	}

}
