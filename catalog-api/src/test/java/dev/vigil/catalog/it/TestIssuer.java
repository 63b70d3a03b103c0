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
import com.nimbusds.jose.JOSEObjectType;
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
 * those of identity-service (signature, issuer, expiry, {@code typ: at+jwt}, audience),
 * nothing mocked. Each token has its own subject (its own rate-limit bucket).
 */
final class TestIssuer {

	static final String ISSUER = "https://issuer.vigil.test";

	static final String AUDIENCE = "vigil-api";

	private static final JOSEObjectType ACCESS = new JOSEObjectType("at+jwt");

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

	/** An access token with these scopes and, unless null, this cameras claim. */
	String token(String scope, List<String> cameras) {
		return sign(this.key, ACCESS, claims(scope, cameras, ISSUER, Duration.ofMinutes(10)).build());
	}

	/** An access token of this subject (one rate-limit bucket across tokens). */
	String tokenFor(String subject, String scope) {
		return sign(this.key, ACCESS,
				claims(scope, null, ISSUER, Duration.ofMinutes(10)).subject(subject).claim("client_id", "it").build());
	}

	/** A token of a named person (subject), with these scopes and cameras claim. */
	String tokenFor(String subject, String scope, List<String> cameras) {
		return sign(this.key, ACCESS, claims(scope, cameras, ISSUER, Duration.ofMinutes(10)).subject(subject).build());
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
		return sign(this.key, ACCESS, claims("media:read", null, ISSUER, Duration.ofMinutes(-10)).build());
	}

	/** Right claims, signed by a key the service does not trust. */
	String forged() {
		return sign(this.stranger, ACCESS, claims("media:read admin", null, ISSUER, Duration.ofMinutes(10)).build());
	}

	String wrongIssuer() {
		return sign(this.key, ACCESS,
				claims("media:read", null, "https://evil.example", Duration.ofMinutes(10)).build());
	}

	/**
	 * An OIDC ID token of an admin as identity-service issues it: same key and issuer,
	 * {@code typ: JWT}, audience the ui client, {@code roles: [admin]}, no scope.
	 */
	String idToken() {
		JWTClaimsSet claims = claims(null, null, ISSUER, Duration.ofMinutes(10)).audience("vigil-ui")
			.claim("roles", List.of("admin"))
			.claim("azp", "vigil-ui")
			.build();
		return sign(this.key, JOSEObjectType.JWT, claims);
	}

	/** A proper access token with the right type but for another API. */
	String otherAudience() {
		return sign(this.key, ACCESS,
				claims("media:read admin", null, ISSUER, Duration.ofMinutes(10)).audience("another-api").build());
	}

	/** Right audience and claims, but a plain {@code JWT} type header. */
	String untyped() {
		return sign(this.key, JOSEObjectType.JWT,
				claims("media:read admin", null, ISSUER, Duration.ofMinutes(10)).build());
	}

	/** An access token requested with {@code scope} only that claims the admin role. */
	String withAdminRole(String scope) {
		return sign(this.key, ACCESS,
				claims(scope, null, ISSUER, Duration.ofMinutes(10)).claim("roles", List.of("admin")).build());
	}

	private static JWTClaimsSet.Builder claims(String scope, List<String> cameras, String issuer, Duration validFor) {
		Instant now = Instant.now();
		Instant expires = now.plus(validFor);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("it-user-" + UUID.randomUUID())
			.audience(AUDIENCE)
			.claim("client_id", "it-" + UUID.randomUUID())
			.issueTime(Date.from(validFor.isNegative() ? expires.minus(Duration.ofMinutes(5)) : now))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString());
		if (scope != null) {
			claims.claim("scope", scope);
		}
		if (cameras != null) {
			claims.claim("cameras", cameras);
		}
		return claims;
	}

	private static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
