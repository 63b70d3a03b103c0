package dev.vigil.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The API scopes catalog-api and notification-service enforce, and which of them each
 * role may hold. A token never carries a scope its user's roles do not grant, whatever
 * the client asked for.
 */
public final class Scopes {

	public static final String MEDIA_READ = "media:read";

	public static final String MEDIA_WRITE = "media:write";

	public static final String ADMIN = "admin";

	/** notification-service: read rules, channels and the delivery log. */
	public static final String NOTIFICATIONS_READ = "notifications:read";

	/** notification-service: manage rules and channels, send a test. */
	public static final String NOTIFICATIONS_WRITE = "notifications:write";

	/** Every API scope. */
	public static final Set<String> API = Set.of(MEDIA_READ, MEDIA_WRITE, ADMIN, NOTIFICATIONS_READ,
			NOTIFICATIONS_WRITE);

	public static final String ROLE_ADMIN = "admin";

	public static final String ROLE_VIEWER = "viewer";

	public static final Set<String> ROLES = Set.of(ROLE_ADMIN, ROLE_VIEWER);

	private Scopes() {
	}

	/** The API scopes that the given roles allow. */
	public static Set<String> allowedFor(Collection<String> roles) {
		Set<String> allowed = new LinkedHashSet<>();
		if (roles.contains(ROLE_VIEWER) || roles.contains(ROLE_ADMIN)) {
			allowed.add(MEDIA_READ);
		}
		if (roles.contains(ROLE_ADMIN)) {
			allowed.add(MEDIA_WRITE);
			allowed.add(ADMIN);
			allowed.add(NOTIFICATIONS_READ);
			allowed.add(NOTIFICATIONS_WRITE);
		}
		return allowed;
	}

	/**
	 * Narrows requested scopes to what the roles allow; non-API scopes (openid, profile,
	 * offline_access) pass through.
	 */
	public static Set<String> narrow(Collection<String> requested, Collection<String> roles) {
		Set<String> allowed = allowedFor(roles);
		Set<String> result = new LinkedHashSet<>();
		for (String scope : requested) {
			if (!API.contains(scope) || allowed.contains(scope)) {
				result.add(scope);
			}
		}
		return result;
	}

}
