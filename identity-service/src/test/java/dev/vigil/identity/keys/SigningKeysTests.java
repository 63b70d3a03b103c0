package dev.vigil.identity.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@TempDir
	Path dir;

	@Test
	void createsAKeyReadableOnlyByTheOwnerOnFirstStart() throws Exception {
		SigningKeys keys = keysAt(Instant.parse("2026-01-01T00:00:00Z"));
		keys.load();

		assertThat(keys.all()).hasSize(1);
		Path file;
		try (var files = Files.list(this.dir.resolve("keys"))) {
			file = files.findFirst().orElseThrow();
		}
		assertThat(file.getFileName().toString()).endsWith(SigningKeys.JWK_SUFFIX);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void aRestartSignsWithTheSameKey() throws Exception {
		SigningKeys first = keysAt(Instant.parse("2026-01-01T00:00:00Z"));
		first.load();
		SigningKeys afterRestart = keysAt(Instant.parse("2026-01-02T00:00:00Z"));
		afterRestart.load();

		assertThat(afterRestart.active().getKeyID()).isEqualTo(first.active().getKeyID());
		assertThat(afterRestart.active().toRSAPrivateKey()).isNotNull();
	}

	@Test
	void rotationPublishesOldAndNewKeysAndTheNewestSigns() {
		SigningKeys keys = keysAt(Instant.parse("2026-01-01T00:00:00Z"));
		keys.load();
		String old = keys.active().getKeyID();
		SigningKeys later = keysAt(Instant.parse("2026-02-01T00:00:00Z"));
		later.load();

		RSAKey created = later.rotate();

		assertThat(later.active().getKeyID()).isEqualTo(created.getKeyID()).isNotEqualTo(old);
		assertThat(later.all()).extracting(RSAKey::getKeyID).containsExactly(created.getKeyID(), old);
		assertThat(later.jwkSet().toPublicJWKSet().getKeys())
			.allSatisfy((jwk) -> assertThat(jwk.isPrivate()).isFalse());
	}

	@Test
	void rotationKeepsOnlyTheConfiguredNumberOfKeys() {
		for (int month = 1; month <= 4; month++) {
			SigningKeys keys = new SigningKeys(this.dir.resolve("keys"), true, 2,
					Clock.fixed(Instant.parse("2026-0" + month + "-01T00:00:00Z"), ZoneOffset.UTC));
			keys.load();
			if (month > 1) {
				keys.rotate();
			}
			assertThat(keys.all()).hasSizeLessThanOrEqualTo(2);
		}
	}

	@Test
	void anotherReplicaPicksUpARotatedKeyOnReload() {
		SigningKeys replicaA = keysAt(Instant.parse("2026-01-01T00:00:00Z"));
		replicaA.load();

		SigningKeys rotator = keysAt(Instant.parse("2026-03-01T00:00:00Z"));
		rotator.load();
		RSAKey created = rotator.rotate();
		replicaA.reload();

		assertThat(replicaA.active().getKeyID()).isEqualTo(created.getKeyID());
	}

	@Test
	void readsAPkcs8PemKeyFromAMountedSecret() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
		Path secret = Files.createDirectories(this.dir.resolve("secret"));
		Files.writeString(secret.resolve("tls.pem"), "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END PRIVATE KEY-----\n");

		SigningKeys keys = new SigningKeys(secret, false, 3, Clock.systemUTC());
		keys.load();

		assertThat(keys.all()).hasSize(1);
		assertThat(keys.active().isPrivate()).isTrue();
	}

	@Test
	void refusesToStartWithoutAKeyWhenGenerationIsOff() {
		SigningKeys keys = new SigningKeys(this.dir.resolve("empty"), false, 3, Clock.systemUTC());

		assertThatIllegalStateException().isThrownBy(keys::load).withMessageContaining("VIGIL_IDENTITY_KEYS_DIR");
	}

	@Test
	void rejectsAPublicOnlyKeyFile() throws Exception {
		SigningKeys source = keysAt(Instant.parse("2026-01-01T00:00:00Z"));
		source.load();
		Path dir = Files.createDirectories(this.dir.resolve("public"));
		Files.writeString(dir.resolve("k" + SigningKeys.JWK_SUFFIX), source.active().toPublicJWK().toJSONString());

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeys(dir, false, 3, Clock.systemUTC()).load())
			.withMessageContaining("no private part");
	}

	private SigningKeys keysAt(Instant now) {
		return new SigningKeys(this.dir.resolve("keys"), true, 3, Clock.fixed(now, ZoneOffset.UTC));
	}

}
