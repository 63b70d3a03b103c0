/**
 * The API is an OAuth2 resource server: {@code notifications:read} to look,
 * {@code notifications:write} (or {@code admin}) to change.
 */
@NullMarked
package dev.vigil.notify.security;

import org.jspecify.annotations.NullMarked;
