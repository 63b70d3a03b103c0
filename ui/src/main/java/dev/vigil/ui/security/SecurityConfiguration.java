package dev.vigil.ui.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Every page needs a signed-in user; {@code /admin/**} needs the admin role (a viewer's
 * forged admin form post is refused with 403 even with a valid CSRF token). Sign-in is
 * the authorization code flow with PKCE against the issuer configured in
 * {@code spring.security.oauth2.client.provider.vigil.issuer-uri}; logout is
 * RP-initiated, so the issuer's session ends too. CSRF protection stays on for every
 * form. Redirect and post-logout URIs come from {@code vigil.ui.sign-in.public-url}, and
 * sessions that never signed in live only {@code anonymous-session-timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AccessProperties.class, OAuth2ClientProperties.class, SignInProperties.class })
class SecurityConfiguration {

	static final String LOGIN = "/oauth2/authorization/" + SignIn.REGISTRATION;

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties) {
		return new LazyClientRegistrations(properties);
	}

	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		// In the HTTP session: tokens end with the session and nothing
		// piles up in memory.
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository clients, ApplicationEventPublisher events) {
		// A refresh answers with a new ID token too. Published as an event, oauth2Login's
		// listener puts it into the signed-in user (and the session), so sign-out sends
		// the current ID token as id_token_hint: the issuer refuses a replaced one (400).
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setApplicationEventPublisher(events);
		OAuth2AuthorizedClientProvider provider = new DelegatingOAuth2AuthorizedClientProvider(
				new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh);
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository clients, AccessProperties access, SignInProperties signIn)
			throws Exception {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		// From the configured public URL: {baseUrl} would follow
		// the request's Host header.
		logout.setPostLogoutRedirectUri(signIn.publicUrl() + "/signed-out");
		http.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/css/**", "/js/**", "/img/**", "/favicon.svg", "/signed-out", "/error")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/admin", "/admin/**")
			.hasRole(access.adminRole())
			.anyRequest()
			.authenticated());
		http.oauth2Login((login) -> login.loginPage(LOGIN)
			.authorizedClientRepository(clients)
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(new ClaimRoles(access))));
		http.logout((out) -> out.logoutSuccessHandler(logout));
		http.addFilterAfter(new SessionLifetime(signIn.anonymousSessionTimeout(), signIn.signedInSessionTimeout()),
				SecurityContextHolderFilter.class);
		http.headers((headers) -> headers
			.contentSecurityPolicy(
					(csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data: http: https:; "
							+ "media-src 'self' http: https:; style-src 'self'; script-src 'self'; object-src 'none'; "
							+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self' http: https:"))
			.referrerPolicy((referrer) -> referrer.policy(
					org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
