/**
 * Sign-in through any OIDC issuer (authorization code + PKCE), roles from token claims,
 * CSRF. Depends on no other feature of the UI.
 */
@NullMarked
package dev.vigil.ui.security;

import org.jspecify.annotations.NullMarked;
