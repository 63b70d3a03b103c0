package dev.vigil.ui.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How token claims map to what the UI shows. The defaults fit identity-service; another
 * issuer (Keycloak, for one) may name its roles claim differently.
 *
 * @param rolesClaim claim holding the user's roles (a list or a space-separated string),
 * read from the ID token or user info, else from the access token
 * @param adminRole the role that opens the admin pages
 */
@Validated
@ConfigurationProperties("vigil.ui.security")
public record AccessProperties(@DefaultValue("roles") @NotBlank String rolesClaim,
		@DefaultValue("admin") @NotBlank String adminRole) {

}
