package dev.vigil.catalog.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How uploads become events.
 *
 * @param gap two uploads of one camera belong to the same event when their capture times
 * are at most this far apart (inclusive)
 */
@Validated
@ConfigurationProperties("vigil.catalog.events")
record EventProperties(@DefaultValue("60s") Duration gap) {

	public EventProperties {
		if (gap.isNegative()) {
			throw new IllegalArgumentException("vigil.catalog.events.gap must not be negative");
		}
	}

}
