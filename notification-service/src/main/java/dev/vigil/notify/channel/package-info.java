/**
 * Push channels (webhook, ntfy): their configuration with encrypted secrets, the SSRF
 * guard, and the HTTP senders.
 */
@NullMarked
package dev.vigil.notify.channel;

import org.jspecify.annotations.NullMarked;
