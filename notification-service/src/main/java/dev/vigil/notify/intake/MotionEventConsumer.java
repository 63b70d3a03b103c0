package dev.vigil.notify.intake;

import java.util.function.Consumer;

import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.contracts.RejectedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Cloud Stream consumer of {@code motion.events} (binding
 * {@code motionEvents-in-0}, group {@code notification}), read by the contracts'
 * {@link EventCodec}. A record that breaks the contract ({@link RejectedEventException})
 * goes straight to {@code motion.events.notification.dlq}; other failures (MongoDB away)
 * are retried by the binder, then dead-lettered. Sending happens later, per channel, so a
 * channel that is down never holds up the consumer.
 */
@Configuration(proxyBeanMethods = false)
class MotionEventConsumer {

	private static final Logger log = LoggerFactory.getLogger(MotionEventConsumer.class);

	@Bean
	Consumer<byte[]> motionEvents(EventCodec codec, Intake intake, MeterRegistry meters) {
		return (payload) -> {
			String outcome;
			try {
				outcome = intake.accept(codec.read(payload, MotionEventChanged.class)) ? "applied" : "duplicate";
			}
			catch (RejectedEventException ex) {
				log.warn("Refused and dead-lettered a motion-event record: {}", ex.getMessage());
				meters.counter("vigil.notification.records", "outcome", "rejected").increment();
				throw ex;
			}
			meters.counter("vigil.notification.records", "outcome", outcome).increment();
		};
	}

}
