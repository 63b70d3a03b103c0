/**
 * Live updates: Redis pub/sub fan-out to server-sent events, so every instance's clients
 * see every change.
 */
@NullMarked
package dev.vigil.catalog.live;

import org.jspecify.annotations.NullMarked;
