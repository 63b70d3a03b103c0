/**
 * Where the authorization server keeps its grants (authorization codes, access and
 * refresh tokens, ID tokens, consents): in MongoDB with an expiry on every grant, so
 * state stays bounded and any replica can continue a flow another one started.
 */
@NullMarked
package dev.vigil.identity.grants;

import org.jspecify.annotations.NullMarked;
