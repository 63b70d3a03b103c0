package dev.vigil.identity.keys;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token signing keys.
 *
 * @param dir directory holding the keys ({@code *.jwk.json} private JWKs or PKCS#8
 * {@code *.pem} RSA keys, e.g. a mounted Secret); defaults to
 * {@code ${vigil.identity.data-dir}/keys}
 * @param generateIfMissing create a key on first start when the directory holds none (off
 * in the production profile: a key must then come from a Secret)
 * @param retain how many keys stay published in the JWKS after a rotation; older ones are
 * deleted, so rotate less often than the longest token lifetime times this number
 * @param reloadInterval how often the directory is re-read, so a key added to a Secret or
 * rotated by another replica is picked up without a restart
 */
@Validated
@ConfigurationProperties("vigil.identity.keys")
record SigningKeyProperties(@Nullable Path dir, @DefaultValue("true") boolean generateIfMissing,
		@DefaultValue("3") @Min(1) int retain, @DefaultValue("1m") Duration reloadInterval) {
}
