package dev.vigil.identity.grants;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityApplication;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.Scopes;
import dev.vigil.identity.clients.IntegratorClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants live in MongoDB (the wire server from devstack), with an expiry: integrators
 * cannot grow the store without bound, and a second replica continues what the first
 * started.
 */
class GrantStoreIT extends IdentityIntegrationTest {

	@Autowired
	MongoAuthorizationService authorizations;

	@Autowired
	IntegratorClients integrators;

	@Autowired
	MongoTemplate mongo;

	@Test
	void clientCredentialsGrantsExpireWithTheirTokenAndArePurged() {
		IntegratorClients.Issued client = this.integrators.create("flood", Set.of(Scopes.MEDIA_READ), null, null,
				"test");
		String clientId = client.client().clientId();
		try (Browser browser = new Browser(BASE)) {
			for (int i = 0; i < 25; i++) {
				HttpResponse<String> token = browser.token(clientId, client.secret(),
						Map.of("grant_type", "client_credentials"));
				assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
			}
		}
		assertThat(this.authorizations.countFor(clientId)).isEqualTo(25);
		List<Document> stored = this.mongo.getCollection(MongoAuthorizationService.COLLECTION)
			.find(new Document("registeredClientId", clientId))
			.into(new ArrayList<>());
		Instant bound = Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(5);
		stored.forEach((grant) -> assertThat(grant.getDate(MongoAuthorizationService.EXPIRES_AT).toInstant())
			.as("expiry of a client-credentials grant = its access token's")
			.isBefore(bound));

		// The purge as it runs once those tokens have expired.
		this.authorizations.purgeExpiredBefore(bound);
		assertThat(this.authorizations.countFor(clientId)).isZero();
	}

	@Test
	void theGrantCollectionHasATtlIndexOnTheExpiry() {
		// Created by the purge task's first run, right after start.
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Document> indexes = this.mongo.getCollection(MongoAuthorizationService.COLLECTION)
				.listIndexes()
				.into(new ArrayList<>());
			assertThat(indexes).anySatisfy((index) -> {
				assertThat(index.get("key", Document.class)).containsKey(MongoAuthorizationService.EXPIRES_AT);
				assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
			});
		});
	}

	@Test
	void aPurgeKeepsGrantsThatAreStillValid() {
		String viewer = user("keep", Set.of(Scopes.ROLE_VIEWER), null);
		try (Browser browser = new Browser(BASE)) {
			String refresh = uiTokens(browser, viewer, "openid media:read").get("refresh_token").asString();
			this.authorizations.purge();
			HttpResponse<String> refreshed = browser.token("vigil-ui", UI_SECRET,
					Map.of("grant_type", "refresh_token", "refresh_token", refresh));
			assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		}
		assertThat(this.mongo.getCollection(MongoAuthorizationService.COLLECTION)
			.countDocuments(new Document(MongoAuthorizationService.EXPIRES_AT, new Document("$lt", new Date()))))
			.isZero();
	}

	@Test
	void aSecondReplicaRedeemsTheFirstsCodeAndRefreshTokenAndSeesTheRotation() {
		String viewer = user("replica", Set.of(Scopes.ROLE_VIEWER), null);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityApplication.class)
			.profiles("devstack")
			.run("--server.port=0", "--vigil.identity.issuer=" + BASE, "--vigil.identity.data-dir=" + DATA,
					"--spring.mongodb.database=" + DATABASE, "--vigil.identity.clients.ui.client-secret=" + UI_SECRET,
					"--vigil.identity.clients.ui.redirect-uris=" + UI_REDIRECT);
				Browser first = new Browser(BASE)) {
			Browser other = new Browser(
					"http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort());
			first.signIn(viewer, password(viewer));
			String verifier = Browser.verifier();
			HttpResponse<String> authorize = first
				.get(Browser.authorizeUrl("vigil-ui", "openid media:read", UI_REDIRECT, verifier, "s"));

			HttpResponse<String> tokens = other.token("vigil-ui", UI_SECRET, Map.of("grant_type", "authorization_code",
					"code", Browser.code(authorize), "redirect_uri", UI_REDIRECT, "code_verifier", verifier));
			assertThat(tokens.statusCode()).as("code from replica 1 redeemed at replica 2: " + tokens.body())
				.isEqualTo(200);
			JsonNode issued = Browser.json(tokens);
			String refresh = issued.get("refresh_token").asString();

			HttpResponse<String> refreshed = first.token("vigil-ui", UI_SECRET,
					Map.of("grant_type", "refresh_token", "refresh_token", refresh));
			assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
			HttpResponse<String> reused = other.token("vigil-ui", UI_SECRET,
					Map.of("grant_type", "refresh_token", "refresh_token", refresh));
			assertThat(reused.statusCode()).as("the rotated refresh token is dead on every replica").isEqualTo(400);
			assertThat(reused.body()).contains("invalid_grant");

			HttpResponse<String> userinfo = other.bearer("GET", "/userinfo",
					Browser.json(refreshed).get("access_token").asString(), null);
			assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
			other.close();
		}
	}

}
