package dev.vigil.notify.openapi;

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
 * OpenAPI description at {@code /api/v1/notifications/openapi}, public; the API it
 * describes needs a token. The server is relative: the gateway's origin.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Vigil notification API", version = "v1", description = """
		Alert channels (MQTT, webhook, ntfy, e-mail), rules and the delivery log. Bearer JWT access token
		from the platform's issuer (OAuth2 client credentials at `/auth/oauth2/token` through the gateway);
		scopes notifications:read (GET), notifications:write or admin (changes). Errors are RFC 9457
		problem details."""), servers = @Server(url = "/"),
		security = { @SecurityRequirement(name = "oauth2"), @SecurityRequirement(name = "bearer") })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
		description = "An access token from the platform's issuer")
@SecurityScheme(name = "oauth2", type = SecuritySchemeType.OAUTH2,
		description = "Client credentials of an API client created under Admin → API clients",
		flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "/auth/oauth2/token",
				scopes = { @OAuthScope(name = "notifications:read", description = "read channels, rules, deliveries"),
						@OAuthScope(name = "notifications:write", description = "change channels and rules"),
						@OAuthScope(name = "admin", description = "everything") })))
class OpenApiConfiguration {

	/** The document's path, public; ahead of the API's chain, which denies it. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain openApiDocument(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/api/v1/notifications/openapi", "/api/v1/notifications/openapi/**",
					"/api/v1/notifications/openapi.yaml")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
