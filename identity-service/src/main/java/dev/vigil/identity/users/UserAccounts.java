package dev.vigil.identity.users;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.vigil.contracts.Identifiers;
import dev.vigil.identity.Scopes;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Reads and changes user accounts. */
@Service
public class UserAccounts {

	static final String WRONG_CURRENT = "The current password is not correct.";

	private final MongoTemplate mongo;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	private final PasswordPolicy policy = PasswordPolicy.load();

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
		if (username.chars().anyMatch(Character::isISOControl)) {
			// normalize() would trim a trailing NUL or CR away and create another name.
			throw new IllegalArgumentException("username must not contain control characters");
		}
		String name = normalize(username);
		if (!name.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
			throw new IllegalArgumentException("username must be 1-64 characters: letters, digits, . _ @ -");
		}
		requireValidRoles(roles);
		requireUnscopedAdmin(roles, cameras);
		String weak = this.policy.problem(rawPassword, name);
		if (weak != null) {
			throw new IllegalArgumentException("password refused: " + weak);
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
		requireUnscopedAdmin(roles, cameras);
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

	/**
	 * Admins are not camera-scoped: they manage users, clients and retention for every
	 * camera, and could lift their own scope anyway, so a scope on an admin would only
	 * look like a limit. Scope viewers instead.
	 */
	private static void requireUnscopedAdmin(Set<String> roles, @Nullable List<String> cameras) {
		if (roles.contains(Scopes.ROLE_ADMIN) && cameras != null) {
			throw new IllegalArgumentException(
					"an admin sees every camera: give admins no camera list (camera scopes are for viewers)");
		}
	}

	private static void requireValidCameras(@Nullable List<String> cameras) {
		if (cameras != null) {
			for (String camera : cameras) {
				if (!Identifiers.isValid(camera)) {
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
			return WRONG_CURRENT;
		}
		if (!chosen.equals(confirmation)) {
			return "The new passwords do not match.";
		}
		if (chosen.equals(current)) {
			return "Choose a password different from the current one.";
		}
		String weak = this.policy.problem(chosen, account.username());
		if (weak != null) {
			return weak;
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
