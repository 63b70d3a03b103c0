package dev.vigil.catalog.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import dev.vigil.catalog.web.ProblemTypes;

/**
 * The API is an OAuth2 resource server: every {@code /api/v1} call needs a JWT signed by
 * the configured issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * and/or {@code jwk-set-uri}; with both, keys come from the JWK set and the issuer is
 * still checked) that is an access token for this API ({@link AccessTokenDecoder}).
 * Authorisation is on scopes only: {@code media:read} for reads, {@code media:write} for
 * feedback, {@code admin} for changes and the audit log. The {@code roles} claim is for
 * the ui's menus and grants nothing here, so a token requested with {@code media:read}
 * stays a reader whoever asked for it. Stateless, no cookies, so no CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CatalogSecurityProperties.class, RateLimitProperties.class })
class SecurityConfiguration {

	static final String READ = "SCOPE_media:read";

	static final String WRITE = "SCOPE_media:write";

	static final String ADMIN = "SCOPE_admin";

	@Bean
	JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, CatalogSecurityProperties security) {
		return AccessTokenDecoder.create(properties.getJwt(), security);
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, StringRedisTemplate redis,
			RateLimitProperties rateLimits) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/**")
			.hasAuthority(ADMIN)
			// Where cameras dial in (edge hosts, ports, users): for admins only.
			.requestMatchers(HttpMethod.GET, "/api/v1/edges", "/api/v1/edges/**", "/api/v1/cameras/*/setup")
			.hasAuthority(ADMIN)
			.requestMatchers(HttpMethod.GET, "/api/v1/**")
			.hasAnyAuthority(READ, ADMIN)
			.requestMatchers(HttpMethod.POST, "/api/v1/media/*/feedback")
			.hasAnyAuthority(WRITE, ADMIN)
			// Review state is per token subject: who may read events may mark them.
			.requestMatchers("/api/v1/reviews", "/api/v1/reviews/**")
			.hasAnyAuthority(READ, ADMIN)
			.requestMatchers("/api/v1/**")
			.hasAuthority(ADMIN)
			.anyRequest()
			.denyAll());
		http.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults())
			.authenticationEntryPoint(unauthorized(json))
			.accessDeniedHandler(forbidden(json)));
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.addFilterAfter(new RateLimitFilter(redis, rateLimits, json), BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	private static org.springframework.security.web.AuthenticationEntryPoint unauthorized(JsonMapper json) {
		BearerTokenAuthenticationEntryPoint headers = new BearerTokenAuthenticationEntryPoint();
		return (request, response, ex) -> {
			headers.commence(request, response, ex);
			// The cause (expired, bad signature, wrong issuer) stays in the
			// WWW-Authenticate
			// header the standard way; the body is the same for all of them.
			write(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"A valid bearer token from the configured issuer is required");
		};
	}

	private static org.springframework.security.web.access.AccessDeniedHandler forbidden(JsonMapper json) {
		BearerTokenAccessDeniedHandler headers = new BearerTokenAccessDeniedHandler();
		return (request, response, ex) -> {
			headers.handle(request, response, ex);
			write(json, response, HttpStatus.FORBIDDEN, "insufficient-scope", "Forbidden",
					"The token lacks the scope this operation needs");
		};
	}

	static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String kind, String title,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(kind));
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
