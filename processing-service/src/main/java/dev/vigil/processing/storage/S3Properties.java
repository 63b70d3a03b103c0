package dev.vigil.processing.storage;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the media bucket lives. The names are shared by every service (see
 * docs/development.md).
 *
 * @param endpoint S3 endpoint URL
 * @param accessKey access key
 * @param secretKey secret key
 * @param bucket the media bucket (originals/ and derived/ prefixes)
 * @param region the region the bucket is in
 */
@Validated
@ConfigurationProperties("vigil.s3")
public record S3Properties(@NotNull URI endpoint, @NotBlank String accessKey, @NotBlank String secretKey,
		@DefaultValue("vigil-media") @NotBlank String bucket, @DefaultValue("us-east-1") @NotBlank String region) {

}
