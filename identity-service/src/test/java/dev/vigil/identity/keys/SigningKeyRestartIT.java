package dev.vigil.identity.keys;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityApplication;
import dev.vigil.identity.IdentityIntegrationTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyRestartIT extends IdentityIntegrationTest {

	@Test
	void tokensIssuedBeforeARestartStillVerifyAfterIt() {
		String admin = adminToken();
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityApplication.class)
			.profiles("devstack")
			.run("--server.port=0", "--vigil.identity.issuer=" + BASE, "--vigil.identity.data-dir=" + DATA,
					"--spring.mongodb.database=" + DATABASE, "--vigil.identity.clients.ui.client-secret=" + UI_SECRET,
					"--vigil.identity.clients.ui.redirect-uris=" + UI_REDIRECT)) {
			int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
			String restartedBase = "http://localhost:" + port;
			try (Browser browser = new Browser(restartedBase)) {
				HttpResponse<String> keys = browser.bearer("GET", "/admin/v1/keys", admin, null);
				assertThat(keys.statusCode()).as("the restarted instance accepts the old token").isEqualTo(200);
				NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(restartedBase + "/oauth2/jwks").build();
				// As a resource server checks it: an access token (at+jwt) for the API.
				decoder.setJwtValidator(AccessTokens.validator(BASE, "vigil-api"));
				assertThat(decoder.decode(admin).getSubject()).isNotBlank();
			}
		}
	}

	@Test
	void afterRotationNewTokensUseTheNewKeyAndOldTokensStillWork() {
		String before = adminToken();
		try (Browser browser = new Browser(BASE)) {
			HttpResponse<String> rotated = browser.bearer("POST", "/admin/v1/keys/rotate", before, null);
			assertThat(rotated.statusCode()).isEqualTo(200);
			JsonNode keys = Browser.json(rotated);
			assertThat(keys.size()).isGreaterThanOrEqualTo(2);
			String active = keys.valueStream()
				.filter((key) -> key.get("active").asBoolean())
				.map((key) -> key.get("kid").asString())
				.findFirst()
				.orElseThrow();

			String after = adminToken();
			assertThat(Browser.header(after).get("kid").asString()).isEqualTo(active)
				.isNotEqualTo(Browser.header(before).get("kid").asString());
			assertThat(browser.bearer("GET", "/admin/v1/keys", before, null).statusCode()).isEqualTo(200);
			assertThat(browser.bearer("GET", "/admin/v1/keys", after, null).statusCode()).isEqualTo(200);
			assertThat(Browser.json(browser.get("/oauth2/jwks")).get("keys").size()).isEqualTo(keys.size());
		}
	}

	@Test
	void aTokenFromAnotherIssuerIsRejectedEvenWithAValidSignature() throws Exception {
		RSAKey key;
		try (Stream<Path> files = Files.list(DATA.resolve("keys"))) {
			key = RSAKey.parse(Files
				.readString(files.filter((f) -> f.toString().endsWith(".jwk.json")).findFirst().orElseThrow()));
		}
		SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer("https://evil.example/auth")
					.subject("admin")
					.claim("scope", List.of("admin"))
					.expirationTime(Date.from(Instant.now().plusSeconds(300)))
					.build());
		foreign.sign(new RSASSASigner(key));

		try (Browser browser = new Browser(BASE)) {
			assertThat(browser.bearer("GET", "/admin/v1/keys", foreign.serialize(), null).statusCode()).isEqualTo(401);
		}
	}

}
