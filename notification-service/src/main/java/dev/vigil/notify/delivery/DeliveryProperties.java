package dev.vigil.notify.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries are dispatched.
 *
 * @param pollInterval how often due deliveries are looked for
 * @param initialBackOff wait after the first failed attempt
 * @param maxBackOff longest wait between attempts (doubling up to here)
 * @param batch at most this many due deliveries per channel per round
 */
@Validated
@ConfigurationProperties("vigil.notification.delivery")
public record DeliveryProperties(@DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("1s") Duration initialBackOff, @DefaultValue("60s") Duration maxBackOff,
		@DefaultValue("100") int batch) {

	public DeliveryProperties {
		if (initialBackOff.isNegative() || initialBackOff.isZero() || maxBackOff.compareTo(initialBackOff) < 0) {
			throw new IllegalArgumentException(
					"vigil.notification.delivery.initial-back-off must be positive and at most max-back-off");
		}
		if (batch < 1) {
			throw new IllegalArgumentException("vigil.notification.delivery.batch must be at least 1");
		}
	}

	Duration backOff(int attempts) {
		Duration wait = this.initialBackOff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return (wait.compareTo(this.maxBackOff) > 0) ? this.maxBackOff : wait;
	}

}
