package dev.vigil.catalog.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How motion events are published on the bus ({@code MotionEventChanged}).
 *
 * @param enabled whether changes are recorded in the outbox and relayed
 * @param quietGap an open event is closed when nothing changed it for this long
 * @param closeInterval how often open events are checked against the quiet gap
 * @param relayInterval how often the outbox is relayed to Kafka
 * @param claim how long one relay may hold an outbox entry before another retries it
 * @param keepSent how long relayed outbox entries are kept (then deleted)
 */
@Validated
@ConfigurationProperties("vigil.catalog.motion-events")
public record MotionEventProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration quietGap,
		@DefaultValue("1s") Duration closeInterval, @DefaultValue("250ms") Duration relayInterval,
		@DefaultValue("30s") Duration claim, @DefaultValue("1d") Duration keepSent) {

	public MotionEventProperties {
		if (quietGap.isNegative() || quietGap.isZero()) {
			throw new IllegalArgumentException("vigil.catalog.motion-events.quiet-gap must be positive");
		}
		if (claim.isNegative() || claim.isZero()) {
			throw new IllegalArgumentException("vigil.catalog.motion-events.claim must be positive");
		}
	}

}
