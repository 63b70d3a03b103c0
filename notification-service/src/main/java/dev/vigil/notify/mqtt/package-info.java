/**
 * MQTT: the Frigate-like topics under {@code vigil/} and Home Assistant discovery under
 * {@code homeassistant/}.
 */
@NullMarked
package dev.vigil.notify.mqtt;

import org.jspecify.annotations.NullMarked;
