package dev.vigil.ingest.spool;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The local buffer between cameras and the platform.
 *
 * @param maxSize high-water mark: above this many bytes waiting, new uploads get 452
 * @param minFreeSpace also 452 when the spool's file system has less free space than this
 * @param dedupWindow how long a taken (camera, SHA-256) pair is remembered to acknowledge
 * a re-upload without republishing it
 * @param dedupEntries most pairs remembered (bounds memory: about 200 bytes each)
 * @param keepAfterPublish keep published files under {@code spool/published/} instead of
 * deleting them (debugging only: nothing prunes them)
 */
@ConfigurationProperties("vigil.ingest.spool")
@Validated
public record SpoolProperties(@NotNull @DefaultValue("2GB") DataSize maxSize,
		@NotNull @DefaultValue("256MB") DataSize minFreeSpace, @NotNull @DefaultValue("24h") Duration dedupWindow,
		@Positive @DefaultValue("50000") int dedupEntries, @DefaultValue("false") boolean keepAfterPublish) {
}
