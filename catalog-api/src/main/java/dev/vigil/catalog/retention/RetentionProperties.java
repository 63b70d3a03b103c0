package dev.vigil.catalog.retention;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Default retention; cameras may override each value.
 *
 * @param enabled whether the scheduled job runs
 * @param interval time between runs
 * @param imageMaxAge images received longer ago than this are deleted
 * @param videoMaxAge videos received longer ago than this are deleted
 * @param imageMaxSize per camera, the oldest images go once their originals exceed this;
 * unset means unlimited
 * @param videoMaxSize the same for videos
 * @param batchSize items deleted per batch
 * @param maxBatches batches per camera, kind and rule in one run, so one run stays short
 */
@Validated
@ConfigurationProperties("vigil.catalog.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
		@DefaultValue("30d") Duration imageMaxAge, @DefaultValue("14d") Duration videoMaxAge,
		@Nullable DataSize imageMaxSize, @Nullable DataSize videoMaxSize,
		@DefaultValue("200") @Min(1) @Max(10_000) int batchSize, @DefaultValue("50") @Min(1) int maxBatches) {

}
