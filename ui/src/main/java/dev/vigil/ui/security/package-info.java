/**
 * Sign-in through any OIDC issuer (authorization code + PKCE), roles from token claims,
 * CSRF, and the token relay the API clients use.
 */
@NullMarked
package dev.vigil.ui.security;

import org.jspecify.annotations.NullMarked;
