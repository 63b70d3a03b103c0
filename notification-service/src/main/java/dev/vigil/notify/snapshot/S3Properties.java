package dev.vigil.notify.snapshot;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The object store holding the thumbnails (read only).
 *
 * @param endpoint S3 endpoint
 * @param accessKey access key (read access to the bucket is enough)
 * @param secretKey secret key
 * @param bucket the media bucket: records naming another one are not read
 * @param region signing region
 */
@ConfigurationProperties("vigil.s3")
public record S3Properties(@DefaultValue("http://localhost:9000") URI endpoint, @Nullable String accessKey,
		@Nullable String secretKey, @DefaultValue("vigil-media") String bucket,
		@DefaultValue("us-east-1") String region) {

	@Override
	public String toString() {
		return "S3Properties[endpoint=" + this.endpoint + ", bucket=" + this.bucket + ", secretKey=***]";
	}

}
