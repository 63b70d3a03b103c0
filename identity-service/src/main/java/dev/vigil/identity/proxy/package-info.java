/**
 * Forwarded headers ({@code X-Forwarded-For/Host/Proto/Prefix}, {@code Forwarded}) are
 * honoured only from the configured trusted proxies (gateway-edge); from anyone else they
 * are dropped, so the source address the sign-in throttle and the audit log see is the
 * real peer.
 */
@NullMarked
package dev.vigil.identity.proxy;

import org.jspecify.annotations.NullMarked;
