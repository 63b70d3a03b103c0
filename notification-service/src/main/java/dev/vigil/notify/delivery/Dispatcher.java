package dev.vigil.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries. Each channel is worked on its own virtual thread, oldest first,
 * and a channel that fails stops its round (so MQTT state messages keep their order) and
 * is tried again after a back-off; other channels go on meanwhile. A delivery older than
 * its channel's max age is recorded as expired instead of being sent late.
 */
@Component
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final DeliveryQueue queue;

	private final Map<String, Channel> channels;

	private final List<ChannelSource> sources;

	private final DeliveryProperties properties;

	private final MeterRegistry meters;

	private final Set<String> busy = ConcurrentHashMap.newKeySet();

	private final Clock clock = Clock.systemUTC();

	Dispatcher(DeliveryQueue queue, List<Channel> channels, List<ChannelSource> sources, DeliveryProperties properties,
			MeterRegistry meters) {
		this.queue = queue;
		this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
		this.sources = sources;
		this.properties = properties;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${vigil.notification.delivery.poll-interval:200ms}")
	void dispatch() {
		List<String> due;
		try {
			due = this.queue.channelsWithDue(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the delivery queue: {}", ex.getMessage());
			return;
		}
		for (String name : due) {
			Channel channel = resolve(name);
			if (channel == null || !this.busy.add(name)) {
				continue;
			}
			Thread.ofVirtual().name("deliver-" + name).start(() -> {
				try {
					work(channel);
				}
				catch (RuntimeException ex) {
					log.warn("Delivery round of {} stopped: {}", name, ex.getMessage());
				}
				finally {
					this.busy.remove(name);
				}
			});
		}
	}

	private @Nullable Channel resolve(String name) {
		Channel known = this.channels.get(name);
		if (known != null) {
			return known;
		}
		for (ChannelSource source : this.sources) {
			Optional<Channel> found = source.channel(name);
			if (found.isPresent()) {
				return found.get();
			}
		}
		return null;
	}

	private void work(Channel channel) {
		for (Delivery delivery : this.queue.pending(channel.name(), this.properties.batch())) {
			// In order: nothing overtakes a delivery that waits for its retry.
			if (delivery.nextAttemptAt().isAfter(this.clock.instant()) || !attempt(channel, delivery)) {
				return;
			}
		}
	}

	/**
	 * @return whether the round may go on with the next delivery
	 */
	private boolean attempt(Channel channel, Delivery delivery) {
		Instant now = this.clock.instant();
		Duration maxAge = channel.maxAge();
		if (Duration.between(delivery.eventAt(), now).compareTo(maxAge) > 0) {
			this.queue.expired(delivery, now, maxAge);
			count(channel, "expired");
			return true;
		}
		try {
			channel.deliver(delivery);
			this.queue.sent(delivery, this.clock.instant());
			count(channel, "sent");
			return true;
		}
		catch (Channel.PermanentFailure ex) {
			this.queue.failed(delivery, this.clock.instant(), ex.getMessage());
			count(channel, "failed");
			log.warn("Delivery {} to {} failed for good: {}", delivery.id(), channel.name(), ex.getMessage());
			return true;
		}
		catch (Exception ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			Duration wait = this.properties.backOff(delivery.attempts() + 1);
			this.queue.retryLater(delivery, this.clock.instant().plus(wait), reason);
			count(channel, "retry");
			log.info("Delivery {} to {} failed (attempt {}), retrying in {}: {}", delivery.id(), channel.name(),
					delivery.attempts() + 1, wait, reason);
			return false;
		}
	}

	private void count(Channel channel, String outcome) {
		this.meters.counter("vigil.notification.deliveries", "channel", channel.name(), "outcome", outcome).increment();
	}

}
