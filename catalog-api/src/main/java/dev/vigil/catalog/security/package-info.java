/**
 * OAuth2 resource server setup, camera-scoped access from token claims, and per-client
 * rate limits.
 */
@NullMarked
package dev.vigil.catalog.security;

import org.jspecify.annotations.NullMarked;
