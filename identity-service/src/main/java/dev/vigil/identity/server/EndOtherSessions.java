package dev.vigil.identity.server;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

import dev.vigil.identity.users.PasswordChanged;

/**
 * A password change expires the user's other sign-in sessions on this issuer; the one the
 * change was made in stays. The registry is filled at every sign-in.
 */
final class EndOtherSessions {

	private final SessionRegistry sessions;

	EndOtherSessions(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void expire(PasswordChanged changed) {
		for (Object principal : this.sessions.getAllPrincipals()) {
			String name = (principal instanceof UserDetails user) ? user.getUsername() : String.valueOf(principal);
			if (!name.equals(changed.username())) {
				continue;
			}
			for (SessionInformation session : this.sessions.getAllSessions(principal, false)) {
				if (!session.getSessionId().equals(changed.keptSessionId())) {
					session.expireNow();
				}
			}
		}
	}

}
