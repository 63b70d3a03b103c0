package dev.vigil.ingest.publish;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The object store (MinIO or any S3), shared names with every Vigil service.
 *
 * @param endpoint S3 endpoint URL
 * @param accessKey access key
 * @param secretKey secret key
 * @param bucket media bucket (originals/ and derived/ prefixes)
 * @param region signing region
 */
@ConfigurationProperties("vigil.s3")
@Validated
record S3Properties(@NotBlank @DefaultValue("http://localhost:9000") String endpoint, @Nullable String accessKey,
		@Nullable String secretKey, @NotBlank @DefaultValue("vigil-media") String bucket,
		@NotBlank @DefaultValue("us-east-1") String region) {
}
