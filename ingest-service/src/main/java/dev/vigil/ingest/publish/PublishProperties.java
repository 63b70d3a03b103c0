package dev.vigil.ingest.publish;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the spool is drained to the object store and Kafka.
 *
 * @param enabled drain the spool (off: uploads are only spooled)
 * @param topic topic of {@code MediaUploaded} events
 * @param createTopic create the topic at start when it is missing
 * @param topicPartitions partitions when creating it
 * @param createBucket create the bucket at start when it is missing
 * @param concurrency uploads in flight at once (each streams from its spool file through
 * a 64 KB buffer)
 * @param partSize multipart part size for large files (S3 minimum 5 MB)
 * @param minBackoff first retry delay after a failure
 * @param maxBackoff cap of the doubling retry delay
 * @param timeout per-request timeout towards S3 and Kafka
 */
@ConfigurationProperties("vigil.ingest.publish")
@Validated
record PublishProperties(@DefaultValue("true") boolean enabled, @NotBlank @DefaultValue("media.uploaded") String topic,
		@DefaultValue("true") boolean createTopic, @Positive @DefaultValue("3") int topicPartitions,
		@DefaultValue("true") boolean createBucket, @Positive @DefaultValue("2") int concurrency,
		@NotNull @DefaultValue("8MB") DataSize partSize, @NotNull @DefaultValue("1s") Duration minBackoff,
		@NotNull @DefaultValue("60s") Duration maxBackoff, @NotNull @DefaultValue("30s") Duration timeout) {

	PublishProperties {
		if (partSize != null && partSize.toBytes() < 5L * 1024 * 1024) {
			throw new IllegalArgumentException("vigil.ingest.publish.part-size must be at least 5MB (S3 minimum)");
		}
	}

}
