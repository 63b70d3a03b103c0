package dev.vigil.catalog.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for integration tests: a real RSA key whose public half is served as a
 * JWK set over HTTP on a free port, so the service validates tokens exactly as it would
 * those of identity-service (signature, issuer, expiry), nothing mocked.
 */
final class TestIssuer {

	static final String ISSUER = "https://issuer.vigil.test";

	private final RSAKey key;

	private final RSAKey stranger;

	private final HttpServer server;

	private TestIssuer() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("catalog-it").generate();
			this.stranger = new RSAKeyGenerator(2048).keyID("catalog-it").generate();
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (JOSEException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		this.server.start();
	}

	static TestIssuer start() {
		return new TestIssuer();
	}

	String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

	/** A token with these scopes and, unless null, this cameras claim. */
	String token(String scope, List<String> cameras) {
		return sign(this.key, claims(scope, cameras, ISSUER, Duration.ofMinutes(10)));
	}

	/** A token of a named person (subject), with these scopes and cameras claim. */
	String tokenFor(String subject, String scope, List<String> cameras) {
		JWTClaimsSet claims = claims(scope, cameras, ISSUER, Duration.ofMinutes(10));
		return sign(this.key, new JWTClaimsSet.Builder(claims).subject(subject).build());
	}

	String reader() {
		return token("media:read", null);
	}

	String writer() {
		return token("media:read media:write", null);
	}

	String admin() {
		return token("media:read media:write admin", null);
	}

	String expired() {
		return sign(this.key, claims("media:read", null, ISSUER, Duration.ofMinutes(-10)));
	}

	/** Right claims, signed by a key the service does not trust. */
	String forged() {
		return sign(this.stranger, claims("media:read admin", null, ISSUER, Duration.ofMinutes(10)));
	}

	String wrongIssuer() {
		return sign(this.key, claims("media:read", null, "https://evil.example", Duration.ofMinutes(10)));
	}

	private static JWTClaimsSet claims(String scope, List<String> cameras, String issuer, Duration validFor) {
		Instant now = Instant.now();
		Instant expires = now.plus(validFor);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("it-user")
			.claim("azp", "it-" + UUID.randomUUID())
			.claim("scope", scope)
			.issueTime(Date.from(validFor.isNegative() ? expires.minus(Duration.ofMinutes(5)) : now))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString());
		if (cameras != null) {
			claims.claim("cameras", cameras);
		}
		return claims.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
