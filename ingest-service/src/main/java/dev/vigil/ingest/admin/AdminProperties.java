package dev.vigil.ingest.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The edge's admin REST API ({@code /edge/v1}).
 *
 * @param token bearer token of the admin API (env {@code VIGIL_INGEST_ADMIN_TOKEN}, at
 * least 24 characters). Without it the API answers 401 to everything; the
 * {@code devstack} profile generates one under the data directory; the {@code production}
 * profile refuses to start without it
 */
@ConfigurationProperties("vigil.ingest.admin")
@Validated
record AdminProperties(@Nullable String token) {
}
