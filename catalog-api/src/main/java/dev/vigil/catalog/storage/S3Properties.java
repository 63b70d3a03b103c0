package dev.vigil.catalog.storage;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The object store shared by all services ({@code vigil.s3.*}).
 *
 * @param endpoint S3 endpoint the service talks to
 * @param publicEndpoint endpoint that browsers reach, when it differs (behind a proxy);
 * presigned URLs are signed for it
 * @param accessKey access key
 * @param secretKey secret key
 * @param bucket the media bucket
 * @param region region used for signing (no lookup round trip)
 * @param urlTtl how long a presigned URL stays valid
 */
@Validated
@ConfigurationProperties("vigil.s3")
public record S3Properties(@DefaultValue("http://localhost:9000") @NotNull URI endpoint, @Nullable URI publicEndpoint,
		@DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
		@DefaultValue("vigil-media") @NotBlank String bucket, @DefaultValue("us-east-1") @NotBlank String region,
		@DefaultValue("5m") Duration urlTtl) {

}
