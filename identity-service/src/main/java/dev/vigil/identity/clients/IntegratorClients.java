package dev.vigil.identity.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.vigil.contracts.Identifiers;
import dev.vigil.identity.Scopes;
import dev.vigil.support.SecretFiles;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates, rotates and revokes integrator clients. */
@Service
public class IntegratorClients {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private final MongoTemplate mongo;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	@Autowired
	IntegratorClients(MongoTemplate mongo, PasswordEncoder passwordEncoder, AuditLog audit) {
		this(mongo, passwordEncoder, audit, Clock.systemUTC());
	}

	IntegratorClients(MongoTemplate mongo, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** A client together with its secret, which exists only in this response. */
	public record Issued(IntegratorClient client, String secret) {
	}

	/**
	 * Creates a client.
	 * @throws IllegalArgumentException on invalid input (the message is safe to show)
	 */
	public Issued create(String name, Set<String> scopes, @Nullable List<String> cameras, @Nullable Instant expiresAt,
			String createdBy) {
		validate(name, scopes, cameras, expiresAt);
		String clientId = "vgl_" + SecretFiles.randomHex(10);
		String secret = SecretFiles.randomToken(32);
		Instant now = this.clock.instant();
		IntegratorClient client = new IntegratorClient(clientId, name.strip(), this.passwordEncoder.encode(secret),
				Set.copyOf(scopes), (cameras != null) ? List.copyOf(cameras) : null, now, createdBy, expiresAt, null,
				null);
		this.mongo.insert(client);
		this.audit.record(AuditLog.Type.CLIENT_CREATED, createdBy, clientId, null,
				"name=" + client.name() + " scopes=" + scopes + " cameras=" + cameras + " expiresAt=" + expiresAt);
		return new Issued(client, secret);
	}

	public List<IntegratorClient> list() {
		return this.mongo.findAll(IntegratorClient.class)
			.stream()
			.sorted(Comparator.comparing(IntegratorClient::createdAt))
			.toList();
	}

	public Optional<IntegratorClient> find(String clientId) {
		return Optional.ofNullable(this.mongo.findById(clientId, IntegratorClient.class));
	}

	/** The client if it may obtain tokens now: neither revoked nor expired. */
	public Optional<IntegratorClient> findUsable(String clientId) {
		return find(clientId).filter((client) -> client.status(this.clock.instant()) == IntegratorClient.Status.ACTIVE);
	}

	/** Replaces the secret; the old one stops working at once. */
	public Optional<Issued> rotate(String clientId, String actor) {
		return findUsable(clientId).map((client) -> {
			String secret = SecretFiles.randomToken(32);
			IntegratorClient updated = client.withSecret(this.passwordEncoder.encode(secret), this.clock.instant());
			this.mongo.save(updated);
			this.audit.record(AuditLog.Type.CLIENT_SECRET_ROTATED, actor, clientId, null, null);
			return new Issued(updated, secret);
		});
	}

	/** Revokes a client; it is kept (for the audit trail) but gets no more tokens. */
	public Optional<IntegratorClient> revoke(String clientId, String actor) {
		return find(clientId).map((client) -> {
			if (client.revokedAt() != null) {
				return client;
			}
			IntegratorClient revoked = client.revoked(this.clock.instant());
			this.mongo.save(revoked);
			this.audit.record(AuditLog.Type.CLIENT_REVOKED, actor, clientId, null, null);
			return revoked;
		});
	}

	private void validate(String name, Set<String> scopes, @Nullable List<String> cameras,
			@Nullable Instant expiresAt) {
		if (name.isBlank() || name.strip().length() > 100) {
			throw new IllegalArgumentException("name must have 1 to 100 characters");
		}
		if (CONTROL.matcher(name).find()) {
			// A NUL or line break in a name would split audit lines and admin listings.
			throw new IllegalArgumentException("name must not contain control characters");
		}
		if (scopes.isEmpty() || !Scopes.API.containsAll(scopes)) {
			throw new IllegalArgumentException("scopes must be a non-empty subset of " + Scopes.API);
		}
		if (cameras != null && scopes.contains(Scopes.ADMIN)) {
			// Admins are never camera-scoped: the admin API refuses such tokens anyway.
			throw new IllegalArgumentException("a client with the admin scope is for every camera: leave cameras out");
		}
		if (cameras != null) {
			if (cameras.size() > 1000) {
				throw new IllegalArgumentException("at most 1000 cameras");
			}
			for (String camera : cameras) {
				if (!Identifiers.isValid(camera)) {
					throw new IllegalArgumentException("camera ids are 1 to 64 letters, digits, '.', '_' or '-'");
				}
			}
		}
		if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("expiresAt must be in the future");
		}
	}

}
