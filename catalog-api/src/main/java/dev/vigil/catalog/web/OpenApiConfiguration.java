package dev.vigil.catalog.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.OAuthFlow;
import io.swagger.v3.oas.annotations.security.OAuthFlows;
import io.swagger.v3.oas.annotations.security.OAuthScope;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * OpenAPI description at {@code /api/openapi} (YAML: {@code /api/openapi.yaml}) and
 * Swagger UI at {@code /api/swagger-ui.html}: under {@code /api}, so the gateway's
 * {@code /api/**} route serves them to integrators unchanged. The documents are public;
 * the API they describe is not. The server is relative, so "Try it out" calls the origin
 * the page came from (the gateway).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Vigil catalog API", version = "v1", description = """
		Cameras, media, events and statistics of a Vigil installation. Bearer JWT access token from the
		configured issuer (OAuth2 client credentials at `/auth/oauth2/token` through the gateway);
		scopes media:read (reads), media:write (detection feedback), admin (changes, deletes, audit).
		A token's `cameras` claim limits it to those cameras. Errors are RFC 9457 problem details whose
		`type` is stable (https://vigil.dev/problems/...)."""), servers = @Server(url = "/"),
		security = { @SecurityRequirement(name = "oauth2"), @SecurityRequirement(name = "bearer") })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
		description = "An access token (typ at+jwt) from the platform's issuer; ID tokens are refused")
@SecurityScheme(name = "oauth2", type = SecuritySchemeType.OAUTH2,
		description = "Client credentials of an API client created under Admin → API clients",
		flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "/auth/oauth2/token",
				scopes = { @OAuthScope(name = "media:read", description = "read cameras, media, events, stats"),
						@OAuthScope(name = "media:write", description = "detection feedback"),
						@OAuthScope(name = "admin", description = "changes, deletes, audit log") })))
class OpenApiConfiguration {

	/** The documentation paths, public; ahead of the API's chain, which denies them. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain openApiDocuments(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/api/openapi", "/api/openapi/**", "/api/openapi.yaml", "/api/swagger-ui.html",
					"/api/swagger-ui/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
