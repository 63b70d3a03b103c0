package dev.vigil.catalog.security;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens map to access.
 *
 * @param camerasClaim the JWT claim listing the cameras a token may see
 * @param unrestrictedWithoutClaim whether a token without that claim sees every camera
 * (false: it sees none)
 * @param tokenTypes accepted JOSE {@code typ} headers of bearer tokens: access tokens
 * ({@code at+jwt}, RFC 9068) only, so ID tokens ({@code JWT}) are refused
 */
@Validated
@ConfigurationProperties("vigil.catalog.security")
public record CatalogSecurityProperties(@DefaultValue("cameras") @NotBlank String camerasClaim,
		@DefaultValue("true") boolean unrestrictedWithoutClaim, @DefaultValue( {
				"at+jwt", "application/at+jwt" }) @NotEmpty List<String> tokenTypes){

}
