package dev.vigil.identity.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.support.SecretFiles;

/**
 * The RSA keys that sign tokens, kept as files so tokens survive restarts and every
 * replica signs with the same key. All keys are published in the JWKS; the newest one
 * signs. Rotation adds a key and keeps the {@code retain} newest, so tokens signed by the
 * previous key still verify until they expire.
 */
final class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static final String JWK_SUFFIX = ".jwk.json";

	// 2048-bit RSA: the common JWT default, and generated in well under a second on a Pi.
	private static final int KEY_SIZE = 2048;

	private final Path dir;

	private final boolean generateIfMissing;

	private final int retain;

	private final Clock clock;

	private volatile List<RSAKey> keys = List.of();

	SigningKeys(Path dir, boolean generateIfMissing, int retain, Clock clock) {
		this.dir = dir;
		this.generateIfMissing = generateIfMissing;
		this.retain = retain;
		this.clock = clock;
	}

	/** Loads the keys, creating the first one when allowed. */
	synchronized void load() {
		List<RSAKey> loaded = readAll();
		if (loaded.isEmpty()) {
			if (!this.generateIfMissing) {
				throw new IllegalStateException("No token signing key in " + this.dir.toAbsolutePath()
						+ ": mount one (a PKCS#8 RSA *.pem or a *.jwk.json) and point VIGIL_IDENTITY_KEYS_DIR at it");
			}
			RSAKey created = generate();
			log.info("Created token signing key {} in {}", created.getKeyID(), this.dir.toAbsolutePath());
			loaded = readAll();
		}
		this.keys = loaded;
	}

	/**
	 * Re-reads the directory; keeps the current keys if it has become unreadable or
	 * empty.
	 */
	synchronized void reload() {
		try {
			List<RSAKey> loaded = readAll();
			if (!loaded.isEmpty()) {
				this.keys = loaded;
			}
		}
		catch (RuntimeException ex) {
			log.warn("Keeping current signing keys: cannot re-read {}: {}", this.dir, ex.getMessage());
		}
	}

	/** Adds a new signing key and drops all but the {@code retain} newest. */
	synchronized RSAKey rotate() {
		RSAKey created = generate();
		List<RSAKey> all = readAll();
		for (RSAKey old : all.subList(Math.min(this.retain, all.size()), all.size())) {
			deleteKeyFiles(old.getKeyID());
		}
		this.keys = readAll();
		log.info("Rotated token signing key: {} signs now, {} published", created.getKeyID(), this.keys.size());
		return created;
	}

	/**
	 * Every published key, newest first (private parts included: callers publish the
	 * public set).
	 */
	List<RSAKey> all() {
		return this.keys;
	}

	/** The key that signs new tokens. */
	RSAKey active() {
		List<RSAKey> current = this.keys;
		if (current.isEmpty()) {
			throw new IllegalStateException("Signing keys not loaded");
		}
		return current.get(0);
	}

	JWKSet jwkSet() {
		return new JWKSet(new ArrayList<JWK>(this.keys));
	}

	private RSAKey generate() {
		SecretFiles.ensurePrivateDirectory(this.dir);
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE);
			KeyPair pair = generator.generateKeyPair();
			Instant now = this.clock.instant();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.issueTime(Date.from(now))
				.keyIDFromThumbprint()
				.build();
			SecretFiles.writePrivate(this.dir.resolve(fileName(now, key.getKeyID())), key.toJSONString());
			return key;
		}
		catch (NoSuchAlgorithmException | JOSEException ex) {
			throw new IllegalStateException("Cannot create an RSA signing key", ex);
		}
	}

	private static String fileName(Instant created, String kid) {
		return "signing-" + created.toEpochMilli() + "-" + kid + JWK_SUFFIX;
	}

	private void deleteKeyFiles(String kid) {
		try (Stream<Path> files = Files.list(this.dir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().contains(kid)).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot retire key " + kid, ex);
		}
	}

	private List<RSAKey> readAll() {
		if (!Files.isDirectory(this.dir)) {
			return List.of();
		}
		List<RSAKey> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.dir)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith(JWK_SUFFIX)) {
					found.add(readJwk(file));
				}
				else if (name.endsWith(".pem")) {
					found.add(readPem(file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read signing keys from " + this.dir, ex);
		}
		found
			.sort(Comparator.comparing(SigningKeys::issued, Comparator.reverseOrder()).thenComparing(RSAKey::getKeyID));
		return List.copyOf(found);
	}

	private static Instant issued(RSAKey key) {
		Date issued = key.getIssueTime();
		return (issued != null) ? issued.toInstant() : Instant.EPOCH;
	}

	private static RSAKey readJwk(Path file) throws IOException {
		try {
			RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (!key.isPrivate()) {
				throw new IllegalStateException("Signing key " + file + " has no private part");
			}
			return key;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key " + file + " is not an RSA JWK: " + ex.getMessage());
		}
	}

	/** A PKCS#8 RSA private key as {@code openssl genpkey -algorithm RSA} writes it. */
	static RSAKey readPem(Path file) throws IOException {
		String pem = Files.readString(file, StandardCharsets.US_ASCII);
		String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.issueTime(Date.from(Files.getLastModifiedTime(file).toInstant()))
				.keyIDFromThumbprint()
				.build();
		}
		catch (RuntimeException | java.security.GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Signing key " + file + " is not a PKCS#8 RSA private key (PEM)", ex);
		}
	}

}
