package dev.vigil.identity.users;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.vigil.identity.Scopes;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Reads and changes user accounts. */
@Service
public class UserAccounts {

	/**
	 * Minimum length of a chosen password (NIST SP 800-63B favours length over rules).
	 */
	static final int MIN_PASSWORD_LENGTH = 12;

	private final MongoTemplate mongo;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	UserAccounts(MongoTemplate mongo, PasswordEncoder passwordEncoder, AuditLog audit) {
		this.mongo = mongo;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
	}

	public static String normalize(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	public Optional<UserAccount> find(String username) {
		return Optional.ofNullable(this.mongo.findById(normalize(username), UserAccount.class));
	}

	/** Removes a user; tokens already issued to it expire on their own. */
	boolean delete(String username, String actor) {
		UserAccount account = find(username).orElse(null);
		if (account == null) {
			return false;
		}
		this.mongo.remove(account);
		this.audit.record(AuditLog.Type.USER_DELETED, actor, null, null, "user " + account.username());
		return true;
	}

	long count() {
		return this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), UserAccount.class);
	}

	List<UserAccount> all() {
		return this.mongo.findAll(UserAccount.class);
	}

	/**
	 * Creates a user.
	 * @throws IllegalArgumentException on an invalid name or role, or a name in use
	 */
	public UserAccount create(String username, String rawPassword, Set<String> roles, @Nullable List<String> cameras,
			boolean mustChangePassword, String createdBy) {
		String name = normalize(username);
		if (!name.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
			throw new IllegalArgumentException("username must be 1-64 characters: letters, digits, . _ @ -");
		}
		requireValidRoles(roles);
		if (rawPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		requireValidCameras(cameras);
		UserAccount account = new UserAccount(name, this.passwordEncoder.encode(rawPassword), Set.copyOf(roles),
				(cameras != null) ? List.copyOf(cameras) : null, mustChangePassword, true, this.clock.instant(), null);
		try {
			this.mongo.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("username is taken");
		}
		this.audit.record(AuditLog.Type.USER_CREATED, createdBy, null, null, "user " + name + " roles " + roles);
		return account;
	}

	/**
	 * Changes what a user may do: roles and camera scope (tokens already issued keep
	 * theirs until they expire).
	 * @return the updated user, or empty when there is none of that name
	 * @throws IllegalArgumentException on an invalid role or camera id
	 */
	Optional<UserAccount> update(String username, Set<String> roles, @Nullable List<String> cameras, String actor) {
		requireValidRoles(roles);
		requireValidCameras(cameras);
		return find(username).map((account) -> {
			UserAccount updated = new UserAccount(account.username(), account.passwordHash(), Set.copyOf(roles),
					(cameras != null) ? List.copyOf(cameras) : null, account.mustChangePassword(), account.enabled(),
					account.createdAt(), account.passwordChangedAt());
			this.mongo.save(updated);
			this.audit.record(AuditLog.Type.USER_UPDATED, actor, null, null, "user " + account.username() + " roles "
					+ roles + " cameras " + ((cameras != null) ? cameras : "all"));
			return updated;
		});
	}

	private static void requireValidRoles(Set<String> roles) {
		if (roles.isEmpty() || !Scopes.ROLES.containsAll(roles)) {
			throw new IllegalArgumentException("roles must be a non-empty subset of " + Scopes.ROLES);
		}
	}

	private static void requireValidCameras(@Nullable List<String> cameras) {
		if (cameras != null) {
			for (String camera : cameras) {
				if (!camera.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
					throw new IllegalArgumentException("camera ids are 1 to 64 letters, digits, '.', '_' or '-'");
				}
			}
		}
	}

	/**
	 * Changes a password after checking the current one.
	 * @return an error message for the form, or {@code null} on success
	 */
	@Nullable String changePassword(String username, String current, String chosen, String confirmation,
			@Nullable String source) {
		UserAccount account = find(username).orElse(null);
		if (account == null || !this.passwordEncoder.matches(current, account.passwordHash())) {
			return "The current password is not correct.";
		}
		if (!chosen.equals(confirmation)) {
			return "The new passwords do not match.";
		}
		if (chosen.length() < MIN_PASSWORD_LENGTH) {
			return "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.";
		}
		if (chosen.equals(current) || chosen.equalsIgnoreCase(account.username())) {
			return "Choose a password different from the current one and from your username.";
		}
		this.mongo.save(account.withPassword(this.passwordEncoder.encode(chosen), false, this.clock.instant()));
		this.audit.record(AuditLog.Type.PASSWORD_CHANGED, account.username(), null, source, null);
		return null;
	}

	void upgradeHash(String username, String hash) {
		find(username).ifPresent((account) -> this.mongo
			.save(account.withPassword(hash, account.mustChangePassword(), this.clock.instant())));
	}

}
