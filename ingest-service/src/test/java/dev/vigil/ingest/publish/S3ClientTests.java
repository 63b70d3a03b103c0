package dev.vigil.ingest.publish;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The edge's own S3 signing against AWS's published Signature Version 4 example, and the
 * URI encoding it signs (the bucket and the object store are exercised for real in
 * {@code PublishIT}).
 */
class S3ClientTests {

	@Test
	void signsAwsPublishedGetObjectExample() {
		// docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "GET
		// Object"
		S3Client client = new S3Client("https://examplebucket.s3.amazonaws.com", "us-east-1", "AKIAIOSFODNN7EXAMPLE",
				"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", 1000, 1000, Clock.systemUTC());
		Map<String, String> headers = new TreeMap<>(Map.of("host", "examplebucket.s3.amazonaws.com", "range",
				"bytes=0-9", "x-amz-content-sha256", S3Client.EMPTY_SHA256, "x-amz-date", "20130524T000000Z"));
		assertThat(client.authorization("GET", "/test.txt", "", headers, S3Client.EMPTY_SHA256, "20130524T000000Z"))
			.isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
					+ "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
					+ "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
	}

	@Test
	void encodesKeysAndQueriesAsSigned() {
		assertThat(S3Client.encodePath("originals/cam 1/2026/ä+b.jpg"))
			.isEqualTo("originals/cam%201/2026/%C3%A4%2Bb.jpg");
		assertThat(S3Client.encode("a-b_c.d~e")).isEqualTo("a-b_c.d~e");
		assertThat(S3Client.canonicalQuery(Map.of("uploadId", "x/y=", "partNumber", "2")))
			.isEqualTo("partNumber=2&uploadId=x%2Fy%3D");
		assertThat(S3Client.canonicalQuery(Map.of("uploads", ""))).isEqualTo("uploads=");
	}

	@Test
	void refusesAnEndpointThatIsNoUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new S3Client("localhost:9000", "us-east-1", null, null, 1000, 1000, Clock.systemUTC()));
	}

}
