package dev.vigil.identity.server;

import java.util.List;
import java.util.Set;

import dev.vigil.identity.IdentityProperties;
import dev.vigil.identity.audit.AuditLog;
import dev.vigil.identity.clients.IntegratorClients;
import dev.vigil.identity.login.LoginFlow;
import dev.vigil.identity.users.PasswordChange;
import dev.vigil.identity.users.UserAccounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the OAuth2/OIDC protocol endpoints, the admin API (bearer tokens
 * with the {@code admin} scope, stateless), and the browser pages (form sign-in, CSRF,
 * sessions).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, OAuth2AuthorizationService authorizations,
			SessionRegistry sessionRegistry) throws Exception {
		BurnCodeOnFailure tokenErrors = new BurnCodeOnFailure(authorizations);
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			// OIDC: discovery, userinfo and RP-initiated logout (/connect/logout), which
			// only
			// redirects to a client's registered post-logout URIs.
			server.oidc(Customizer.withDefaults());
			server.tokenEndpoint((token) -> token.accessTokenRequestConverter(new DefaultClientScopes())
				.errorResponseHandler(tokenErrors));
			// PKCE is checked while the client authenticates: its failures
			// burn the code too.
			server.clientAuthentication((client) -> client.errorResponseHandler(tokenErrors));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// A session expired by a password change elsewhere gets no authorization code.
		http.sessionManagement(
				(sessions) -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
		http.addFilterAfter(PasswordChange.requiredFilter(), CsrfFilter.class);
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminApiChain(HttpSecurity http) throws Exception {
		UnscopedAdmins admins = new UnscopedAdmins();
		http.securityMatcher("/admin/v1/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().access(admins))
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.jwt(Customizer.withDefaults()).accessDeniedHandler(admins))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserChain(HttpSecurity http, LoginFlow loginFlow, SessionRegistry sessionRegistry)
			throws Exception {
		http.authorizeHttpRequests(
				(authorize) -> authorize.requestMatchers("/login", "/css/**", "/img/**", "/favicon.ico", "/error")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health", "/actuator/info",
							"/actuator/prometheus")
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(loginFlow.successHandler())
				.failureHandler(loginFlow.failureHandler())
				.permitAll())
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new TamperedCsrfTokens()))
			.sessionManagement(
					(sessions) -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"))
			.addFilterBefore(loginFlow.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(PasswordChange.requiredFilter(), CsrfFilter.class)
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
				.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
						+ "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
		return http.build();
	}

	/**
	 * Signed-in browser sessions per user, so that a password change can end the others.
	 * Destroyed sessions leave it through {@link HttpSessionEventPublisher}.
	 */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	EndOtherSessions endOtherSessions(SessionRegistry sessionRegistry) {
		return new EndOtherSessions(sessionRegistry);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
		return AuthorizationServerSettings.builder().issuer(identity.issuer().toString()).build();
	}

	/**
	 * Delegating encoder: bcrypt for new hashes, and any older {id} format still
	 * verifies.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new RefusingOverlongPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(ClientProperties properties, IdentityProperties identity,
			IntegratorClients integrators, PasswordEncoder passwordEncoder, Environment environment) {
		boolean production = environment.acceptsProfiles(Profiles.of("production"));
		String uiSecret = UiClientSecret.resolve(properties.ui().clientSecret(), production, identity.dataDir(),
				properties.ui().clientId());
		return new VigilRegisteredClients(
				List.of(VigilRegisteredClients.ui(properties, passwordEncoder.encode(uiSecret)),
						VigilRegisteredClients.cli(properties)),
				integrators, properties.accessTokenTtl());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(UserAccounts users, IntegratorClients integrators,
			AuditLog audit, IdentityProperties identity) {
		return new TokenClaims(users, integrators, audit, identity.apiAudience());
	}

}
