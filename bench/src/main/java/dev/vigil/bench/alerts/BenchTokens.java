package dev.vigil.bench.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * RS256 tokens for notification-service's API, verified with the public key the bench
 * gives the service ({@code public-key-location}): the bench sets up its own channel and
 * rule without an identity-service in the run.
 */
final class BenchTokens {

	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private final KeyPair keys;

	private final Path publicKey;

	private BenchTokens(KeyPair keys, Path publicKey) {
		this.keys = keys;
		this.publicKey = publicKey;
	}

	static BenchTokens create(Path dir) throws IOException {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			Files.createDirectories(dir);
			Path file = dir.resolve("bench-issuer.pem");
			Files.writeString(file,
					"-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
			return new BenchTokens(keys, file);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No RSA on this JVM", ex);
		}
	}

	/**
	 * The PEM file for
	 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
	 */
	Path publicKey() {
		return this.publicKey;
	}

	String token(String scopes) {
		long now = Instant.now().getEpochSecond();
		String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
		String claims = encode("{\"iss\":\"vigil-bench\",\"sub\":\"bench\",\"scope\":\"" + scopes + "\",\"iat\":" + now
				+ ",\"exp\":" + (now + 3600) + "}");
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(this.keys.getPrivate());
			rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
			return header + "." + claims + "." + URL.encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
	}

	private static String encode(String json) {
		return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
