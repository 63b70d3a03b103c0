package dev.vigil.identity.grants;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long grants are kept.
 *
 * @param purgeInterval how often grants past their expiry are deleted (besides MongoDB's
 * TTL index, which not every MongoDB-compatible server runs)
 * @param pendingTtl lifetime of an authorization that holds no token yet (an
 * authorization request waiting for consent)
 */
@Validated
@ConfigurationProperties("vigil.identity.grants")
record GrantProperties(@DefaultValue("5m") Duration purgeInterval, @DefaultValue("10m") Duration pendingTtl) {
}
