package dev.vigil.processing.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.MediaProcessed;
import dev.vigil.contracts.MediaUploaded;
import dev.vigil.contracts.RejectedEventException;
import dev.vigil.contracts.Topics;
import dev.vigil.processing.detect.DetectionPolicy;
import dev.vigil.processing.detect.DetectionProperties;
import dev.vigil.processing.detect.Detector;
import dev.vigil.processing.image.ImageDecoder;
import dev.vigil.processing.image.ImageProperties;
import dev.vigil.processing.image.JpegEncoder;
import dev.vigil.processing.storage.MediaStore;
import dev.vigil.processing.storage.OriginalTooLargeException;
import dev.vigil.processing.video.ProcessingTimeoutException;
import dev.vigil.processing.video.VideoProcessor;
import dev.vigil.processing.video.VideoProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ProcessingProperties.class, ImageProperties.class, VideoProperties.class })
class ProcessingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ProcessingConfiguration.class);

	@Bean
	ImageDecoder imageDecoder(ImageProperties properties) {
		return new ImageDecoder(properties);
	}

	@Bean
	JpegEncoder jpegEncoder(ImageProperties properties) {
		return new JpegEncoder(properties);
	}

	@Bean
	VideoProcessor videoProcessor(VideoProperties properties) {
		return new VideoProcessor(properties);
	}

	@Bean
	ProcessingMetrics processingMetrics(MeterRegistry registry) {
		return new ProcessingMetrics(registry);
	}

	@Bean
	MediaPipeline mediaPipeline(MediaStore store, ImageDecoder decoder, JpegEncoder encoder, VideoProcessor video,
			ObjectProvider<Detector> detector, DetectionPolicy policy, DetectionProperties detection,
			ProcessingProperties properties, ProcessingMetrics metrics, JsonMapper json) {
		return new MediaPipeline(store, decoder, encoder, video, detector.getIfAvailable(), policy, detection,
				properties, metrics, json);
	}

	/**
	 * The stream function, bound to {@code media.uploaded} (in) and
	 * {@code media.processed} (out). Runs on the consumer thread, one record per poll:
	 * Kafka's heartbeats run on their own thread, and {@code max.poll.interval.ms} is set
	 * well above the processing time limit, so a long clip never costs the partition.
	 */
	@Bean
	Function<Message<byte[]>, @Nullable Message<byte[]>> processMedia(MediaPipeline pipeline, JsonMapper json,
			StreamBridge bridge, ProcessingMetrics metrics, ProcessingProperties properties) {
		EventCodec codec = new EventCodec(json);
		DeadLetters deadLetters = new DeadLetters(bridge, metrics, properties.group());
		return (message) -> {
			try {
				MediaUploaded event = read(codec, message.getPayload());
				MediaProcessed processed = pipeline.process(event);
				return MessageBuilder.withPayload(codec.write(processed))
					.setHeader(KafkaHeaders.KEY, processed.cameraId().getBytes(StandardCharsets.UTF_8))
					.build();
			}
			catch (PoisonEventException | ProcessingTimeoutException | OriginalTooLargeException ex) {
				// Retrying cannot help: straight to the dead-letter topic, nothing on the
				// output. Anything else (storage down, object not there yet) is retried
				// by the binder and dead-lettered when the attempts run out.
				deadLetters.send(message, ex);
				return null;
			}
		};
	}

	/**
	 * Reads with the contracts' codec. An event it rejects is poison like every other
	 * (one exception type in the DLQ headers and metric, the codec's message).
	 */
	static MediaUploaded read(EventCodec codec, byte[] payload) {
		try {
			return codec.read(payload, MediaUploaded.class);
		}
		catch (RejectedEventException ex) {
			throw new PoisonEventException(ex.getMessage(), ex);
		}
	}

	/**
	 * Names the dead-letter topic {@code <topic>.<group>.dlq} for events whose retries
	 * ran out, and counts them. The binder adds the failure to the record's headers
	 * ({@code x-exception-message}, {@code x-exception-fqcn}, {@code x-original-topic},
	 * ...).
	 */
	@Bean
	DlqDestinationResolver deadLetterDestination(ProcessingProperties properties, ProcessingMetrics metrics) {
		return (record, exception) -> {
			// The binder wraps the function's exception; the innermost one names the
			// problem.
			metrics.deadLettered(ProcessingMetrics.rootCause(exception));
			String topic = Topics.deadLetter(record.topic(), properties.group());
			logger.warn("Dead-lettering {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), topic,
					ProcessingMetrics.rootCause(exception).getMessage());
			return topic;
		};
	}

	/**
	 * On shutdown the container waits this long for the record in progress; an unfinished
	 * one is not committed and comes back after restart.
	 */
	@Bean
	ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> gracefulConsumerShutdown(
			ProcessingProperties properties) {
		return (container, destination, group) -> container.getContainerProperties()
			.setShutdownTimeout(properties.shutdownTimeout().toMillis());
	}

}
