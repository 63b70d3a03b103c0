package dev.vigil.processing.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one processing run.
 *
 * @param maxOriginalSize originals bigger than this are dead-lettered unread
 * @param maxProcessingTime a run that takes longer is stopped and dead-lettered; keep
 * {@code max-attempts x max-processing-time} below the consumer's
 * {@code max.poll.interval.ms}
 * @param group the consumer group, names the dead-letter topic
 * ({@code <topic>.<group>.dlq})
 * @param shutdownTimeout how long shutdown waits for the item in progress; what does not
 * finish is redelivered (idempotently) after restart
 * @param maxStartedRuns an item whose processing was started this many times without
 * finishing (the processor crashed or was killed each time, e.g. by a decoder bomb) is
 * dead-lettered instead of started again
 */
@Validated
@ConfigurationProperties("vigil.processing")
public record ProcessingProperties(@DefaultValue("1GB") DataSize maxOriginalSize,
		@DefaultValue("4m") Duration maxProcessingTime, @DefaultValue("processing") @NotBlank String group,
		@DefaultValue("30s") Duration shutdownTimeout, @DefaultValue("5") @Min(1) int maxStartedRuns) {

}
