package dev.vigil.ui.security;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import dev.vigil.ui.UiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #18: sign-out failed once the access token had been refreshed, because the
 * end-session request still carried the ID token of the sign-in, which the issuer had
 * replaced on refresh. Here the issuer (a real HTTP server) answers the refresh with a
 * new signed ID token; the next sign-out must send that one as {@code id_token_hint}.
 */
class SignOutAfterRefreshTests extends UiTestSupport {

	@Test
	void signOutSendsTheIdTokenOfTheLatestRefresh() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.backend.json("GET", "/auth/oauth2/jwks", 200, new JWKSet(key.toPublicJWK()).toString());
		Instant signedIn = Instant.now().minusSeconds(600);
		String firstIdToken = idToken(key, signedIn);
		String refreshedIdToken = idToken(key, Instant.now());
		this.backend.json("POST", "/auth/oauth2/token", 200, """
				{"access_token":"refreshed-access-token","token_type":"Bearer","expires_in":300,
				"scope":"openid profile media:read","refresh_token":"refresh-2","id_token":"%s"}"""
			.formatted(refreshedIdToken));
		ClientRegistration registration = ClientRegistration.withClientRegistration(registration())
			.issuerUri(this.backend.issuer())
			.build();
		MockHttpSession session = signedInSession(registration, firstIdToken, signedIn);

		// The access token has expired: this page refreshes it on its first API call.
		this.mvc.perform(get("/cameras").session(session)).andExpect(status().isOk());
		assertThat(this.backend.requests("POST", "/auth/oauth2/token")).singleElement()
			.satisfies((request) -> assertThat(request.body()).contains("grant_type=refresh_token")
				.contains("refresh_token=refresh-1"));
		assertThat(this.backend.requests("GET", "/api/v1/cameras")).last()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo("Bearer refreshed-access-token"));

		String location = this.mvc.perform(post("/logout").session(session).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).startsWith(this.backend.issuer() + "/connect/logout")
			.contains("id_token_hint=" + refreshedIdToken)
			.doesNotContain(firstIdToken);
	}

	private MockHttpSession signedInSession(ClientRegistration registration, String idTokenValue, Instant signedIn) {
		OidcIdToken idToken = OidcIdToken.withTokenValue(idTokenValue)
			.issuer(this.backend.issuer())
			.subject("viewer")
			.audience(List.of("vigil-ui"))
			.claim("preferred_username", "viewer")
			.claim("roles", List.of("viewer"))
			.issuedAt(signedIn)
			.expiresAt(signedIn.plusSeconds(300))
			.build();
		OidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_viewer")), idToken, "sub");
		SecurityContext context = new SecurityContextImpl(
				new OAuth2AuthenticationToken(user, user.getAuthorities(), "vigil"));
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, "viewer",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, VIEWER_TOKEN, signedIn,
						signedIn.plusSeconds(300)),
				new OAuth2RefreshToken("refresh-1", signedIn));
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		Map<String, OAuth2AuthorizedClient> clients = new HashMap<>(Map.of("vigil", client));
		session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
				clients);
		return session;
	}

	private String idToken(RSAKey key, Instant issuedAt) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.backend.issuer())
			.subject("viewer")
			.audience("vigil-ui")
			.claim("preferred_username", "viewer")
			.claim("roles", List.of("viewer"))
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
