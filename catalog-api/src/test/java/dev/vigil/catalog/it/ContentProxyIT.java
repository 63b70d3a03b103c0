package dev.vigil.catalog.it;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.vigil.contracts.MediaKind;
import dev.vigil.devstack.TestMedia;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content streamed through the service (for object stores browsers cannot reach), with
 * Range support, against the real S3 server.
 */
@TestPropertySource(properties = "vigil.catalog.content.proxy=true")
class ContentProxyIT extends CatalogIT {

	@Test
	void streamsTheBytesAndHonoursASingleRange() throws Exception {
		byte[] bytes = Files.readAllBytes(TestMedia.file("opencv/vtest.avi"));
		String camera = WireEvents.camera("proxy");
		String mediaId = WireEvents.mediaId();
		String key = "originals/" + camera + "/" + mediaId + ".avi";
		MinioClient s3 = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.region("us-east-1")
			.build();
		s3.putObject(PutObjectArgs.builder()
			.bucket(infrastructure.s3Bucket())
			.object(key)
			.contentType("video/x-msvideo")
			.stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
			.build());
		wire.uploaded(WireEvents.upload(camera, mediaId, Instant.now(), MediaKind.VIDEO, key, bytes.length));
		eventually(() -> this.api.get("/api/v1/media/" + mediaId, issuer.reader()), (r) -> r.status() == 200);
		String url = this.api.base() + "/api/v1/media/" + mediaId + "/content?variant=original";

		HttpResponse<byte[]> whole = get(url, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
		assertThat(whole.body()).isEqualTo(bytes);

		HttpResponse<byte[]> middle = get(url, "bytes=1000-1999");
		assertThat(middle.statusCode()).isEqualTo(206);
		assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 1000-1999/" + bytes.length);
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));

		HttpResponse<byte[]> tail = get(url, "bytes=-10");
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));

		assertThat(get(url, "bytes=" + bytes.length + "-").statusCode()).isEqualTo(416);
		assertThat(get(url, "pages=1-2").statusCode()).isEqualTo(416);
		assertThat(this.api.get("/api/v1/media/" + mediaId + "/content?variant=poster", issuer.reader()).status())
			.isEqualTo(404);
	}

	private HttpResponse<byte[]> get(String url, String range) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + issuer.reader());
		if (range != null) {
			request.header("Range", range);
		}
		return this.api.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
