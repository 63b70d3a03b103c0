package dev.vigil.processing.pipeline;

import java.nio.charset.StandardCharsets;

import dev.vigil.contracts.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends events that no retry can fix straight to the dead-letter topic, with the same
 * headers the binder writes for events whose retries ran out
 * ({@code x-exception-message}, {@code x-exception-fqcn}, {@code x-original-topic},
 * {@code x-original-partition}, {@code x-original-offset}), so one tool reads both.
 */
class DeadLetters {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final StreamBridge bridge;

	private final ProcessingMetrics metrics;

	private final String group;

	DeadLetters(StreamBridge bridge, ProcessingMetrics metrics, String group) {
		this.bridge = bridge;
		this.metrics = metrics;
		this.group = group;
	}

	void send(Message<byte[]> original, RuntimeException ex) {
		String topic = header(original, KafkaHeaders.RECEIVED_TOPIC, "media.uploaded");
		String destination = Topics.deadLetter(topic, this.group);
		MessageBuilder<byte[]> builder = MessageBuilder.withPayload(original.getPayload())
			.setHeader("x-original-topic", bytes(topic))
			.setHeader("x-exception-fqcn", bytes(ex.getClass().getName()))
			.setHeader("x-exception-message", bytes(String.valueOf(ex.getMessage())));
		Object partition = original.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
		if (partition != null) {
			builder.setHeader("x-original-partition", bytes(partition.toString()));
		}
		Object offset = original.getHeaders().get(KafkaHeaders.OFFSET);
		if (offset != null) {
			builder.setHeader("x-original-offset", bytes(offset.toString()));
		}
		Object key = original.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
		if (key != null) {
			builder.setHeader(KafkaHeaders.KEY, key);
		}
		logger.warn("Dead-lettering {}-{}@{} to {}: {}", topic, partition, offset, destination, ex.getMessage());
		if (!this.bridge.send(destination, builder.build())) {
			throw new IllegalStateException("Could not dead-letter to " + destination, ex);
		}
		this.metrics.deadLettered(ex);
	}

	private static String header(Message<?> message, String name, String fallback) {
		@Nullable Object value = message.getHeaders().get(name);
		return (value != null) ? value.toString() : fallback;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
