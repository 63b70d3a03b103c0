package dev.vigil.catalog.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description served at {@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Vigil catalog API", version = "v1", description = """
		Cameras, media, events and statistics of a Vigil installation. Bearer JWT from the configured issuer;
		scopes media:read (reads), media:write (detection feedback), admin (changes, deletes, audit).
		A token's `cameras` claim limits it to those cameras. Errors are RFC 9457 problem details whose
		`type` is stable (https://vigil.dev/problems/...)."""), security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

}
