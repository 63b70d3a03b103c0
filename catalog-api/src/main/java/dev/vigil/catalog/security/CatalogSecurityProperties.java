package dev.vigil.catalog.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens map to access.
 *
 * @param camerasClaim the JWT claim listing the cameras a token may see
 * @param unrestrictedWithoutClaim whether a token without that claim sees every camera
 * (false: it sees none)
 * @param adminRole a value of the {@code roles} claim that counts like the {@code admin}
 * scope
 */
@Validated
@ConfigurationProperties("vigil.catalog.security")
public record CatalogSecurityProperties(@DefaultValue("cameras") @NotBlank String camerasClaim,
		@DefaultValue("true") boolean unrestrictedWithoutClaim, @DefaultValue("admin") @NotBlank String adminRole) {

}
