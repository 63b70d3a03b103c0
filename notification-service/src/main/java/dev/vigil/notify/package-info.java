/**
 * notification-service: motion-event records from catalog-api become MQTT messages (the
 * Frigate-like topic layout with Home Assistant discovery) and alerts on push channels.
 */
@NullMarked
package dev.vigil.notify;

import org.jspecify.annotations.NullMarked;
