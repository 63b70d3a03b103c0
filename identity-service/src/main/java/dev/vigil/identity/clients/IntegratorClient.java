package dev.vigil.identity.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An API client an administrator created for an integrator (client-credentials grant),
 * stored in the {@code clients} collection. Only a hash of the secret is kept.
 *
 * @param clientId public id ({@code vgl_...}), also the document id
 * @param name what the administrator called it
 * @param secretHash {@code {id}hash} of the secret
 * @param scopes granted API scopes
 * @param cameras camera ids it may read; {@code null} means every camera
 * @param createdAt creation time
 * @param createdBy administrator who created it
 * @param expiresAt after this instant no token is issued; {@code null} never expires
 * @param revokedAt when it was revoked; a revoked client gets no tokens
 * @param secretRotatedAt last secret rotation
 */
@Document(IntegratorClient.COLLECTION)
public record IntegratorClient(@Id String clientId, String name, String secretHash, Set<String> scopes,
		@Nullable List<String> cameras, Instant createdAt, String createdBy, @Nullable Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable Instant secretRotatedAt) {

	static final String COLLECTION = "clients";

	public Status status(Instant now) {
		if (this.revokedAt != null) {
			return Status.REVOKED;
		}
		if (this.expiresAt != null && !now.isBefore(this.expiresAt)) {
			return Status.EXPIRED;
		}
		return Status.ACTIVE;
	}

	IntegratorClient withSecret(String hash, Instant now) {
		return new IntegratorClient(this.clientId, this.name, hash, this.scopes, this.cameras, this.createdAt,
				this.createdBy, this.expiresAt, this.revokedAt, now);
	}

	IntegratorClient revoked(Instant now) {
		return new IntegratorClient(this.clientId, this.name, this.secretHash, this.scopes, this.cameras,
				this.createdAt, this.createdBy, this.expiresAt, now, this.secretRotatedAt);
	}

	public enum Status {

		ACTIVE, EXPIRED, REVOKED

	}

}
