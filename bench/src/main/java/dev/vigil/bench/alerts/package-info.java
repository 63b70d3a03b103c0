/**
 * {@code ./vigil bench alerts}: alert latency from the camera's {@code 226} to the MQTT
 * message and the webhook POST, and alerts kept through an MQTT broker and webhook
 * receiver outage.
 */
@NullMarked
package dev.vigil.bench.alerts;

import org.jspecify.annotations.NullMarked;
