package dev.vigil.ui.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.vigil.ui.catalog.AuditEntry;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.catalog.TokenRelay;

/**
 * identity-service's admin API ({@code /admin/v1}), called with the admin's own token.
 */
@Component
class IdentityAdminClient {

	private final RestClient rest;

	IdentityAdminClient(@Qualifier(IdentityClientConfiguration.IDENTITY) RestClient rest) {
		this.rest = rest;
	}

	List<ApiClient> clients() {
		return call(() -> this.rest.get()
			.uri("/admin/v1/clients")
			.retrieve()
			.body(new ParameterizedTypeReference<List<ApiClient>>() {
			}));
	}

	IssuedClient createClient(String name, Set<String> scopes, @Nullable List<String> cameras,
			@Nullable Instant expiresAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("scopes", scopes);
		body.put("cameras", cameras);
		body.put("expiresAt", expiresAt);
		return call(() -> this.rest.post().uri("/admin/v1/clients").body(body).retrieve().body(IssuedClient.class));
	}

	void revokeClient(String clientId) {
		call(() -> this.rest.delete().uri("/admin/v1/clients/{id}", clientId).retrieve().toBodilessEntity());
	}

	List<User> users() {
		return call(() -> this.rest.get()
			.uri("/admin/v1/users")
			.retrieve()
			.body(new ParameterizedTypeReference<List<User>>() {
			}));
	}

	CreatedUser createUser(String username, Set<String> roles, @Nullable List<String> cameras) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("roles", roles);
		body.put("cameras", cameras);
		// No password: identity-service generates one and the user must change it
		// on the first sign-in.
		return call(() -> this.rest.post().uri("/admin/v1/users").body(body).retrieve().body(CreatedUser.class));
	}

	void updateUser(String username, Set<String> roles, @Nullable List<String> cameras) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("roles", roles);
		body.put("cameras", cameras);
		call(() -> this.rest.patch().uri("/admin/v1/users/{name}", username).body(body).retrieve().toBodilessEntity());
	}

	/** identity-service's account audit trail, in the catalog's audit shape. */
	Page<AuditEntry> audit(@Nullable String action, @Nullable String cursor, int limit) {
		return call(() -> this.rest.get().uri((uri) -> {
			uri.path("/admin/v1/audit");
			if (action != null) {
				uri.queryParam("action", action);
			}
			if (cursor != null) {
				uri.queryParam("cursor", cursor);
			}
			return uri.queryParam("limit", limit).build();
		}).retrieve().body(new ParameterizedTypeReference<Page<AuditEntry>>() {
		}));
	}

	private static <T> T call(Supplier<T> call) {
		return TokenRelay.call("identity-service", call);
	}

	/**
	 * An integrator's API client.
	 *
	 * @param clientId public id
	 * @param name what the admin called it
	 * @param scopes granted scopes
	 * @param cameras cameras it may read; null: all
	 * @param createdAt created
	 * @param createdBy by whom
	 * @param expiresAt expiry, if any
	 * @param revokedAt revocation, if any
	 * @param status ACTIVE, EXPIRED or REVOKED
	 */
	record ApiClient(String clientId, String name, Set<String> scopes, @Nullable List<String> cameras,
			@Nullable Instant createdAt, @Nullable String createdBy, @Nullable Instant expiresAt,
			@Nullable Instant revokedAt, @Nullable String status) {

		public boolean active() {
			return "ACTIVE".equals(this.status);
		}

	}

	/**
	 * A client just created: the only time its secret is seen.
	 *
	 * @param clientId public id
	 * @param clientSecret the secret
	 * @param name name
	 * @param scopes scopes
	 * @param cameras cameras; null: all
	 * @param expiresAt expiry
	 */
	record IssuedClient(String clientId, String clientSecret, String name, Set<String> scopes,
			@Nullable List<String> cameras, @Nullable Instant expiresAt) {

	}

	/**
	 * A user account.
	 *
	 * @param username login name
	 * @param roles roles
	 * @param cameras cameras the user may see; null: all
	 * @param enabled whether they can sign in
	 * @param createdAt created
	 */
	record CreatedUser(User user, String initialPassword) {

	}

	record User(String username, Set<String> roles, @Nullable List<String> cameras, boolean enabled,
			@Nullable Instant createdAt) {

	}

}
