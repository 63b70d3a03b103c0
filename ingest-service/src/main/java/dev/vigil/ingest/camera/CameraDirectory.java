package dev.vigil.ingest.camera;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.ingest.EdgeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every camera account: those from configuration plus those created through the admin API
 * (kept in {@code cameras.json} under the data directory, rewritten atomically).
 * Authentication for FTP and SFTP goes through here, so lock-out and source checks are
 * the same for both.
 */
public class CameraDirectory {

	private static final Logger log = LoggerFactory.getLogger(CameraDirectory.class);

	/** Hashed once so that unknown users cost the same time as wrong passwords. */
	private final String dummyHash;

	private final VerifiedPasswords verifiedPasswords;

	private final Map<String, CameraAccount> accounts = new ConcurrentHashMap<>();

	private final Path homes;

	private final Path store;

	private final CameraProperties properties;

	private final PasswordHasher hasher;

	private final LoginGuard guard;

	private final JsonMapper json = JsonMapper.builder().build();

	private final MeterRegistry meters;

	public CameraDirectory(EdgeProperties edge, CameraProperties properties, LoginGuard guard, MeterRegistry meters) {
		this.meters = meters;
		this.homes = edge.homes();
		this.store = edge.dataDir().resolve("cameras.json");
		this.properties = properties;
		this.guard = guard;
		this.hasher = new PasswordHasher(properties.passwordIterations());
		this.verifiedPasswords = new VerifiedPasswords(properties.rememberLoginsFor(), Clock.systemUTC(),
				this.hasher::matches);
		this.dummyHash = this.hasher.hash(PasswordHasher.generatePassword());
		try {
			Files.createDirectories(this.homes);
			if (Files.exists(this.store)
					&& Files.getFileStore(this.store).supportsFileAttributeView(PosixFileAttributeView.class)) {
				// Written with the umask's mode by earlier versions.
				Files.setPosixFilePermissions(this.store, PosixFilePermissions.fromString("rw-------"));
			}
			for (StoredAccount stored : readStore()) {
				this.accounts.put(stored.user(), stored.toAccount());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read camera accounts from " + this.store, ex);
		}
		for (CameraProperties.Account configured : properties.accounts()) {
			this.accounts.put(configured.user(), fromConfiguration(configured));
		}
		log.info("{} camera account(s) loaded", this.accounts.size());
	}

	private CameraAccount fromConfiguration(CameraProperties.Account account) {
		String hash;
		if (account.passwordHash() != null && PasswordHasher.isHash(account.passwordHash())) {
			hash = account.passwordHash();
			if (this.hasher.needsUpgrade(hash)) {
				log.warn(
						"Camera user {}: configured password-hash has fewer than {} PBKDF2 iterations; "
								+ "replace it with a new hash (or configure the password from a secret)",
						account.user(), this.properties.passwordIterations());
			}
		}
		else if (account.password() != null && !account.password().isBlank()) {
			hash = this.hasher.hash(account.password());
		}
		else {
			throw new IllegalStateException(
					"Camera account '" + account.user() + "' needs password-hash (pbkdf2-sha256$...) or password");
		}
		List<String> sources = (account.allowedSources() != null) ? account.allowedSources() : List.of();
		sources.forEach(Cidr::parse);
		return new CameraAccount(account.user(), account.cameraId(), hash, sources, account.timeZone(),
				account.silentAfter(), false, account.requireTls());
	}

	/**
	 * Check a login. Lock-out is checked first so a locked source cannot keep guessing.
	 */
	public Login authenticate(String user, String password, InetAddress source) {
		Login login = check(user, password, source);
		if (login.outcome() != Login.Outcome.OK) {
			this.meters
				.counter("vigil.ingest.logins.rejected", "reason", login.outcome().name().toLowerCase(Locale.ROOT))
				.increment();
			log.warn("Login rejected: user={} source={} reason={}", user, source.getHostAddress(), login.outcome());
		}
		return login;
	}

	private Login check(String user, String password, InetAddress source) {
		if (this.guard.isLockedOut(source, user)) {
			return new Login(Login.Outcome.LOCKED_OUT, null);
		}
		CameraAccount account = this.accounts.get(user);
		boolean matches = this.verifiedPasswords.matches(password,
				(account != null) ? account.passwordHash() : this.dummyHash);
		if (account == null || !matches) {
			this.guard.failed(source, user);
			return new Login((account == null) ? Login.Outcome.UNKNOWN_USER : Login.Outcome.BAD_PASSWORD, null);
		}
		if (!account.allowedSources().isEmpty()
				&& account.allowedSources().stream().map(Cidr::parse).noneMatch((cidr) -> cidr.contains(source))) {
			this.guard.failed(source, user);
			return new Login(Login.Outcome.SOURCE_NOT_ALLOWED, null);
		}
		this.guard.succeeded(source, user);
		return new Login(Login.Outcome.OK, upgrade(account, password));
	}

	/**
	 * Re-hashes an account stored with fewer PBKDF2 iterations than configured, now that
	 * the password is known. Configured hashes cannot be rewritten here: a warning at
	 * start asks for a new one.
	 */
	private CameraAccount upgrade(CameraAccount account, String password) {
		if (!account.managed() || !this.hasher.needsUpgrade(account.passwordHash())) {
			return account;
		}
		synchronized (this) {
			CameraAccount current = this.accounts.get(account.user());
			if (current == null || !current.passwordHash().equals(account.passwordHash())) {
				return (current != null) ? current : account;
			}
			CameraAccount upgraded = new CameraAccount(account.user(), account.cameraId(), this.hasher.hash(password),
					account.allowedSources(), account.timeZone(), account.silentAfter(), true, account.requireTls());
			this.accounts.put(account.user(), upgraded);
			try {
				writeStore();
				log.info("Password hash of camera user {} upgraded to {} PBKDF2 iterations", account.user(),
						this.properties.passwordIterations());
				return upgraded;
			}
			catch (IOException ex) {
				this.accounts.put(account.user(), account);
				log.warn("Could not store the upgraded password hash of camera user {}", account.user(), ex);
				return account;
			}
		}
	}

	/** A random password for generated accounts (24 URL-safe characters). */
	public static String generatePassword() {
		return PasswordHasher.generatePassword();
	}

	public Optional<CameraAccount> byUser(String user) {
		return Optional.ofNullable(this.accounts.get(user));
	}

	public List<CameraAccount> all() {
		return this.accounts.values().stream().sorted(Comparator.comparing(CameraAccount::user)).toList();
	}

	/** The camera's jail, created on first use. */
	public Path home(CameraAccount account) {
		Path home = this.homes.resolve(account.cameraId());
		try {
			Files.createDirectories(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return home;
	}

	public Path homes() {
		return this.homes;
	}

	public ZoneId zone(CameraAccount account) {
		return (account.timeZone() != null) ? account.timeZone() : this.properties.defaultTimeZone();
	}

	public Duration silentAfter(CameraAccount account) {
		return (account.silentAfter() != null) ? account.silentAfter() : this.properties.silentAfter();
	}

	/**
	 * Add a camera through the admin API.
	 * @throws IllegalStateException when the user name is taken
	 */
	public synchronized CameraAccount create(String user, String cameraId, String password, List<String> sources,
			@Nullable ZoneId timeZone) throws IOException {
		return create(user, cameraId, password, sources, timeZone, null);
	}

	/**
	 * Add a camera through the admin API.
	 * @param requireTls FTP login only after AUTH TLS; {@code null} = the global setting
	 * @throws IllegalStateException when the user name is taken
	 */
	public synchronized CameraAccount create(String user, String cameraId, String password, List<String> sources,
			@Nullable ZoneId timeZone, @Nullable Boolean requireTls) throws IOException {
		if (this.accounts.containsKey(user)) {
			throw new IllegalStateException("user exists");
		}
		sources.forEach(Cidr::parse);
		CameraAccount account = new CameraAccount(user, cameraId, this.hasher.hash(password), sources, timeZone, null,
				true, requireTls);
		this.accounts.put(user, account);
		try {
			writeStore();
		}
		catch (IOException ex) {
			this.accounts.remove(user);
			throw ex;
		}
		return account;
	}

	/**
	 * Add or replace a camera the platform manages (see {@code dev.vigil.ingest.sync}),
	 * with a hash made by the platform. Persisted like API-made accounts, so it works
	 * after a restart without the platform.
	 * @throws IllegalStateException when the user belongs to a configured account
	 * @throws IllegalArgumentException when the hash or a source is malformed
	 */
	public synchronized void put(CameraAccount account) throws IOException {
		CameraAccount current = this.accounts.get(account.user());
		if (current != null && !current.managed()) {
			throw new IllegalStateException("configured account");
		}
		if (!PasswordHasher.isHash(account.passwordHash())) {
			throw new IllegalArgumentException("not a password hash");
		}
		account.allowedSources().forEach(Cidr::parse);
		CameraAccount managed = new CameraAccount(account.user(), account.cameraId(), account.passwordHash(),
				account.allowedSources(), account.timeZone(), account.silentAfter(), true);
		this.accounts.put(account.user(), managed);
		try {
			writeStore();
		}
		catch (IOException ex) {
			if (current != null) {
				this.accounts.put(current.user(), current);
			}
			else {
				this.accounts.remove(account.user());
			}
			throw ex;
		}
	}

	/**
	 * Remove an API-managed camera. Its spooled uploads stay and are still published.
	 * @return false when no such user
	 * @throws IllegalStateException when the account comes from configuration
	 */
	public synchronized boolean delete(String user) throws IOException {
		CameraAccount account = this.accounts.get(user);
		if (account == null) {
			return false;
		}
		if (!account.managed()) {
			throw new IllegalStateException("configured account");
		}
		this.accounts.remove(user);
		writeStore();
		return true;
	}

	private List<StoredAccount> readStore() throws IOException {
		if (!Files.exists(this.store)) {
			return List.of();
		}
		return this.json.readValue(this.store.toFile(), new TypeReference<List<StoredAccount>>() {
		});
	}

	private void writeStore() throws IOException {
		List<StoredAccount> managed = new ArrayList<>();
		for (CameraAccount account : all()) {
			if (account.managed()) {
				managed.add(StoredAccount.of(account));
			}
		}
		Path temporary = this.store.resolveSibling("cameras.json.tmp");
		Files.deleteIfExists(temporary);
		// Created private: the hashes are only for this process (mode 600).
		try {
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(temporary);
		}
		Files.write(temporary, this.json.writeValueAsBytes(managed), StandardOpenOption.TRUNCATE_EXISTING);
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Files.move(temporary, this.store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		try (FileChannel directory = FileChannel.open(this.store.getParent(), StandardOpenOption.READ)) {
			directory.force(true);
		}
	}

	/** Outcome of a login attempt. */
	public record Login(Outcome outcome, @Nullable CameraAccount account) {

		public enum Outcome {

			OK, LOCKED_OUT, UNKNOWN_USER, BAD_PASSWORD, SOURCE_NOT_ALLOWED

		}

	}

	record StoredAccount(String user, String cameraId, String passwordHash, @Nullable List<String> allowedSources,
			@Nullable String timeZone, @Nullable Duration silentAfter, @Nullable Boolean requireTls) {

		static StoredAccount of(CameraAccount account) {
			return new StoredAccount(account.user(), account.cameraId(), account.passwordHash(),
					account.allowedSources(), (account.timeZone() != null) ? account.timeZone().getId() : null,
					account.silentAfter(), account.requireTls());
		}

		CameraAccount toAccount() {
			return new CameraAccount(this.user, this.cameraId, this.passwordHash,
					(this.allowedSources != null) ? this.allowedSources : List.of(),
					(this.timeZone != null) ? ZoneId.of(this.timeZone) : null, this.silentAfter, true, this.requireTls);
		}

	}

}
