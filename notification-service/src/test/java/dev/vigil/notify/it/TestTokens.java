package dev.vigil.notify.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs real RS256 tokens the service verifies with the public key it is configured with,
 * the way identity-service's tokens are verified with its JWK set.
 */
final class TestTokens {

	static final String ISSUER = "https://issuer.vigil.test";

	private static final KeyPair KEYS = generate();

	static final Path PUBLIC_KEY = write();

	private TestTokens() {
	}

	static String token(String... scopes) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
				.subject("it-user")
				.claim("scope", String.join(" ", scopes))
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(600)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path write() {
		try {
			Path file = Files.createTempFile("vigil-it-issuer", ".pem");
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Files.writeString(file, pem);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
