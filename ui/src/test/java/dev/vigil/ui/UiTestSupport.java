package dev.vigil.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Slice-style support for {@code *Tests}: the whole UI with MockMvc, signed in with
 * Spring Security's {@code oidcLogin()}, calling a {@link CannedBackend} over real HTTP.
 */
@SpringBootTest(properties = { "vigil.ui.display.time-zone=UTC", "spring.thymeleaf.cache=false" })
@AutoConfigureMockMvc
public abstract class UiTestSupport {

	protected static final String VIEWER_TOKEN = "viewer-access-token";

	protected static final String ADMIN_TOKEN = "admin-access-token";

	protected final CannedBackend backend = CannedBackend.shared();

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		CannedBackend backend = CannedBackend.shared();
		registry.add("vigil.ui.catalog.base-url", backend::url);
		registry.add("vigil.ui.identity.admin-url", () -> backend.url() + "/identity");
		registry.add("vigil.ui.notifications.base-url", backend::url);
		registry.add("spring.security.oauth2.client.provider.vigil.issuer-uri", backend::issuer);
		registry.add("spring.security.oauth2.client.registration.vigil.client-secret", () -> "test-secret");
	}

	@BeforeEach
	void resetBackend() {
		this.backend.reset();
	}

	protected static RequestPostProcessor viewer() {
		return user("viewer", VIEWER_TOKEN, "viewer");
	}

	protected static RequestPostProcessor admin() {
		return user("admin", ADMIN_TOKEN, "admin");
	}

	protected static RequestPostProcessor user(String name, String token, String role) {
		Instant now = Instant.now();
		List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role),
				new SimpleGrantedAuthority("OIDC_USER"));
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			.subject(name)
			.claim("preferred_username", name)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.build();
		RequestPostProcessor login = SecurityMockMvcRequestPostProcessors.oauth2Login()
			.clientRegistration(registration())
			.oauth2User(new DefaultOidcUser(authorities, idToken, "sub"));
		// The authorized client the token relay finds in the session,
		// with this user's token.
		RequestPostProcessor client = SecurityMockMvcRequestPostProcessors.oauth2Client("vigil")
			.clientRegistration(registration())
			.principalName(name)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(300)));
		return (request) -> client.postProcessRequest(login.postProcessRequest(request));
	}

	protected static ClientRegistration registration() {
		CannedBackend backend = CannedBackend.shared();
		return ClientRegistration.withRegistrationId("vigil")
			.clientId("vigil-ui")
			.clientSecret("test-secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "media:read")
			.authorizationUri(backend.issuer() + "/oauth2/authorize")
			.tokenUri(backend.issuer() + "/oauth2/token")
			.jwkSetUri(backend.issuer() + "/oauth2/jwks")
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", backend.issuer() + "/connect/logout"))
			.build();
	}

}
