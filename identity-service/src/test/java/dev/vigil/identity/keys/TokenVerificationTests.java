package dev.vigil.identity.keys;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.identity.IdentityProperties;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The signing and verification beans as the service wires them: what a forged, altered or
 * foreign token gets.
 */
class TokenVerificationTests {

	static final String ISSUER = "https://vigil.example/auth";

	static final String AUDIENCE = "vigil-api";

	@TempDir
	Path dir;

	KeyConfiguration configuration = new KeyConfiguration();

	SigningKeys keys;

	JwtEncoder encoder;

	JwtDecoder decoder;

	@BeforeEach
	void wire() {
		this.keys = keys(this.dir, Instant.parse("2026-01-01T00:00:00Z"));
		JWKSource<SecurityContext> jwkSource = this.configuration.jwkSource(this.keys);
		this.encoder = this.configuration.jwtEncoder(this.keys);
		this.decoder = this.configuration.jwtDecoder(jwkSource,
				new IdentityProperties(URI.create(ISSUER), this.dir, AUDIENCE));
	}

	@Test
	void acceptsATokenItIssued() {
		Jwt jwt = this.decoder.decode(issue(this.encoder, ISSUER));

		assertThat(jwt.getSubject()).isEqualTo("admin");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("admin");
		assertThat(jwt.getHeaders()).containsEntry("kid", this.keys.active().getKeyID());
	}

	@Test
	void rejectsATokenWithATamperedPayload() {
		String[] parts = issue(this.encoder, ISSUER).split("\\.");
		String forgedClaims = base64("{\"sub\":\"admin\",\"iss\":\"" + ISSUER + "\",\"scope\":[\"admin\"],\"exp\":"
				+ (Instant.now().getEpochSecond() + 600) + "}");

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(parts[0] + "." + forgedClaims + "." + parts[2]));
	}

	@Test
	void rejectsAnUnsignedAlgNoneToken() {
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String claims = base64("{\"sub\":\"admin\",\"iss\":\"" + ISSUER + "\",\"scope\":[\"admin\"],\"exp\":"
				+ (Instant.now().getEpochSecond() + 600) + "}");

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(header + "." + claims + "."));
	}

	@Test
	void rejectsATokenSignedByAnotherServersKey() {
		SigningKeys foreign = keys(this.dir.resolve("elsewhere"), Instant.parse("2026-01-01T00:00:00Z"));

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(issue(this.configuration.jwtEncoder(foreign), ISSUER)));
	}

	@Test
	void rejectsATokenFromAnotherIssuerEvenWhenOurKeySignedIt() {
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(issue(this.encoder, "https://evil.example/auth")))
			.withMessageContaining("iss");
	}

	@Test
	void rejectsAnIdTokenSignedByUsForTheSameIssuer() {
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(issue(this.encoder, ISSUER, "JWT", "vigil-ui")))
			.withMessageContaining("typ");
	}

	@Test
	void rejectsAnAccessTokenForAnotherAudience() {
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(issue(this.encoder, ISSUER, "at+jwt", "another-api")))
			.withMessageContaining("aud");
	}

	@Test
	void tokensSignedBeforeARotationStillVerify() {
		String before = issue(this.encoder, ISSUER);
		SigningKeys later = keys(this.dir, Instant.parse("2026-02-01T00:00:00Z"));
		later.rotate();
		this.keys.reload();

		assertThat(this.decoder.decode(before).getSubject()).isEqualTo("admin");
		String after = issue(this.encoder, ISSUER);
		assertThat(this.decoder.decode(after).getHeaders().get("kid")).isEqualTo(this.keys.active().getKeyID())
			.isNotEqualTo(this.decoder.decode(before).getHeaders().get("kid"));
	}

	private static SigningKeys keys(Path dir, Instant now) {
		SigningKeys keys = new SigningKeys(dir.resolve("keys"), true, 3, Clock.fixed(now, ZoneOffset.UTC));
		keys.load();
		return keys;
	}

	private static String issue(JwtEncoder encoder, String issuer) {
		return issue(encoder, issuer, "at+jwt", AUDIENCE);
	}

	private static String issue(JwtEncoder encoder, String issuer, String type, String audience) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject("admin")
			.audience(List.of(audience))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("roles", List.of("admin"))
			.claim("scope", List.of("admin"))
			.build();
		return encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type(type).build(), claims))
			.getTokenValue();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
