package dev.vigil.ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The few S3 calls the edge makes (bucket check and creation, single and multipart PUT),
 * signed with AWS Signature Version 4 over the JDK's {@link HttpURLConnection},
 * path-style ({@code endpoint/bucket/key}). A single PUT is signed with the SHA-256 the
 * intake already took while the camera uploaded, so the file is read once, and the store
 * rejects it if the spooled bytes no longer match; a multipart part is hashed as it is
 * read. Replaces the MinIO SDK (OkHttp, Kotlin, Jackson 2, Bouncy Castle, Guava: ~900
 * classes loaded on the edge, ~20 MB of jars).
 */
final class S3Client {

	static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final HexFormat HEX = HexFormat.of();

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");

	private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");

	private static final int BUFFER = 64 * 1024;

	private final String endpoint;

	private final String host;

	private final String region;

	private final @Nullable String accessKey;

	private final @Nullable String secretKey;

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	private final Clock clock;

	S3Client(String endpoint, String region, @Nullable String accessKey, @Nullable String secretKey,
			int connectTimeoutMillis, int readTimeoutMillis, Clock clock) {
		URI uri = URI.create(endpoint);
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw new IllegalArgumentException("vigil.s3.endpoint must be an http(s) URL: " + endpoint);
		}
		String base = uri.getScheme() + "://" + uri.getRawAuthority()
				+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
		this.endpoint = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		// As HttpURLConnection writes the Host header.
		this.host = (uri.getPort() == -1 || uri.getPort() == defaultPort) ? uri.getHost()
				: uri.getHost() + ":" + uri.getPort();
		this.region = region;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
		this.connectTimeoutMillis = connectTimeoutMillis;
		this.readTimeoutMillis = readTimeoutMillis;
		this.clock = clock;
	}

	boolean bucketExists(String bucket) throws IOException {
		Response response = send("HEAD", bucket, null, Map.of(), Map.of(), Body.EMPTY);
		if (response.status() == 404) {
			return false;
		}
		response.requireSuccess("HEAD bucket " + bucket);
		return true;
	}

	void makeBucket(String bucket) throws IOException {
		Body body = "us-east-1".equals(this.region) ? Body.EMPTY
				: Body.of("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
						+ "<LocationConstraint>" + this.region + "</LocationConstraint></CreateBucketConfiguration>");
		send("PUT", bucket, null, Map.of(), Map.of(), body).requireSuccess("PUT bucket " + bucket);
	}

	/**
	 * One PUT of a whole file.
	 * @param sha256 hex SHA-256 of the file's content, as signed
	 */
	void putObject(String bucket, String key, Path file, long length, String sha256, String contentType,
			Map<String, String> metadata) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			send("PUT", bucket, key, Map.of(), headers(contentType, metadata),
					new Body(channel, 0, length, null, sha256.toLowerCase(Locale.ROOT)))
				.requireSuccess("PUT " + key);
		}
	}

	/**
	 * A multipart upload in parts of {@code partSize} bytes; aborted when a part fails.
	 */
	void putObjectMultipart(String bucket, String key, Path file, long length, long partSize, String contentType,
			Map<String, String> metadata) throws IOException {
		Response initiated = send("POST", bucket, key, Map.of("uploads", ""), headers(contentType, metadata),
				Body.EMPTY);
		initiated.requireSuccess("initiate multipart " + key);
		Matcher id = UPLOAD_ID.matcher(initiated.body());
		if (!id.find()) {
			throw new IOException("S3 initiate multipart " + key + ": no UploadId in the answer");
		}
		String uploadId = id.group(1);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			StringBuilder complete = new StringBuilder("<CompleteMultipartUpload>");
			int part = 1;
			for (long offset = 0; offset < length; offset += partSize, part++) {
				long size = Math.min(partSize, length - offset);
				Response uploaded = send("PUT", bucket, key,
						Map.of("partNumber", Integer.toString(part), "uploadId", uploadId), Map.of(),
						new Body(channel, offset, size, null, sha256(channel, offset, size)));
				uploaded.requireSuccess("PUT part " + part + " of " + key);
				String etag = uploaded.etag();
				if (etag == null) {
					throw new IOException("S3 PUT part " + part + " of " + key + ": no ETag");
				}
				complete.append("<Part><PartNumber>")
					.append(part)
					.append("</PartNumber><ETag>")
					.append(etag.replace("&", "&amp;").replace("\"", "&quot;"))
					.append("</ETag></Part>");
			}
			complete.append("</CompleteMultipartUpload>");
			Response done = send("POST", bucket, key, Map.of("uploadId", uploadId),
					Map.of("content-type", "application/xml"), Body.of(complete.toString()));
			done.requireSuccess("complete multipart " + key);
			// S3 may answer 200 and still fail the completion in the body.
			if (done.body().contains("<Error>")) {
				throw new IOException("S3 complete multipart " + key + ": " + done.errorCode());
			}
		}
		catch (IOException | RuntimeException ex) {
			try {
				send("DELETE", bucket, key, Map.of("uploadId", uploadId), Map.of(), Body.EMPTY);
			}
			catch (IOException abort) {
				ex.addSuppressed(abort);
			}
			throw ex;
		}
	}

	private static Map<String, String> headers(String contentType, Map<String, String> metadata) {
		Map<String, String> headers = new TreeMap<>();
		headers.put("content-type", contentType);
		metadata.forEach((name, value) -> headers.put("x-amz-meta-" + name.toLowerCase(Locale.ROOT), value));
		return headers;
	}

	private Response send(String method, String bucket, @Nullable String key, Map<String, String> query,
			Map<String, String> extraHeaders, Body body) throws IOException {
		String path = "/" + encode(bucket) + ((key != null) ? "/" + encodePath(key) : "");
		String canonicalQuery = canonicalQuery(query);
		Map<String, String> headers = new TreeMap<>(extraHeaders);
		String amzDate = AMZ_DATE.format(this.clock.instant());
		headers.put("host", this.host);
		headers.put("x-amz-date", amzDate);
		headers.put("x-amz-content-sha256", body.sha256());
		if (this.accessKey != null && this.secretKey != null) {
			headers.put("authorization", authorization(method, path, canonicalQuery, headers, body.sha256(), amzDate));
		}
		String url = this.endpoint + path + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery);
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		try {
			connection.setRequestMethod(method);
			connection.setConnectTimeout(this.connectTimeoutMillis);
			connection.setReadTimeout(this.readTimeoutMillis);
			connection.setUseCaches(false);
			headers.forEach((name, value) -> {
				if (!"host".equals(name)) {
					connection.setRequestProperty(name, value);
				}
			});
			if (!"HEAD".equals(method) && !"DELETE".equals(method)) {
				connection.setDoOutput(true);
				connection.setFixedLengthStreamingMode(body.length());
				try (OutputStream out = connection.getOutputStream()) {
					body.writeTo(out);
				}
			}
			int status = connection.getResponseCode();
			InputStream stream = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
			String text = "";
			if (stream != null) {
				// Read to the end so that the connection is kept for the next request.
				try (InputStream in = stream) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			return new Response(status, text, connection.getHeaderField("ETag"));
		}
		catch (IOException ex) {
			connection.disconnect();
			throw ex;
		}
	}

	/** The {@code Authorization} header of AWS Signature Version 4 (service s3). */
	String authorization(String method, String path, String canonicalQuery, Map<String, String> sortedHeaders,
			String payloadSha256, String amzDate) {
		StringBuilder canonicalHeaders = new StringBuilder();
		StringBuilder signedHeaders = new StringBuilder();
		sortedHeaders.forEach((name, value) -> {
			canonicalHeaders.append(name).append(':').append(value.strip()).append('\n');
			signedHeaders.append((signedHeaders.length() > 0) ? ";" : "").append(name);
		});
		String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
				+ signedHeaders + "\n" + payloadSha256;
		String date = amzDate.substring(0, 8);
		String scope = date + "/" + this.region + "/s3/aws4_request";
		String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
				+ HEX.formatHex(digest().digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
		byte[] key = hmac(("AWS4" + this.secretKey).getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, this.region);
		key = hmac(key, "s3");
		key = hmac(key, "aws4_request");
		return "AWS4-HMAC-SHA256 Credential=" + this.accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
				+ ", Signature=" + HEX.formatHex(hmac(key, stringToSign));
	}

	static String canonicalQuery(Map<String, String> query) {
		StringBuilder out = new StringBuilder();
		new TreeMap<>(query).forEach((name, value) -> out.append((out.length() > 0) ? "&" : "")
			.append(encode(name))
			.append('=')
			.append(encode(value)));
		return out.toString();
	}

	/** Each segment URI-encoded as SigV4 wants it, slashes kept. */
	static String encodePath(String key) {
		StringBuilder out = new StringBuilder();
		for (String segment : key.split("/", -1)) {
			out.append((out.length() > 0) ? "/" : "").append(encode(segment));
		}
		return (key.startsWith("/") ? "/" : "") + out;
	}

	/** RFC 3986 percent-encoding of everything but the unreserved characters. */
	static String encode(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~') {
				out.append(c);
			}
			else {
				out.append('%').append(HEX.withUpperCase().toHexDigits(b));
			}
		}
		return out.toString();
	}

	private static String sha256(FileChannel channel, long offset, long length) throws IOException {
		MessageDigest digest = digest();
		ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
		for (long done = 0; done < length;) {
			buffer.clear().limit((int) Math.min(BUFFER, length - done));
			int read = channel.read(buffer, offset + done);
			if (read < 0) {
				throw new IOException("File ended " + (length - done) + " bytes early");
			}
			digest.update(buffer.array(), 0, read);
			done += read;
		}
		return HEX.formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a request sends: a range of a file or a few bytes.
	 */
	private record Body(@Nullable FileChannel channel, long offset, long length, byte @Nullable [] bytes,
			String sha256) {

		static final Body EMPTY = new Body(null, 0, 0, new byte[0], EMPTY_SHA256);

		static Body of(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			return new Body(null, 0, bytes.length, bytes, HEX.formatHex(digest().digest(bytes)));
		}

		void writeTo(OutputStream out) throws IOException {
			if (this.bytes != null) {
				out.write(this.bytes);
				return;
			}
			FileChannel file = Objects.requireNonNull(this.channel);
			ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
			for (long done = 0; done < this.length;) {
				buffer.clear().limit((int) Math.min(BUFFER, this.length - done));
				int read = file.read(buffer, this.offset + done);
				if (read < 0) {
					throw new IOException("File ended " + (this.length - done) + " bytes early");
				}
				out.write(buffer.array(), 0, read);
				done += read;
			}
		}

	}

	/**
	 * An answer: status, body (error XML or a multipart answer), ETag.
	 */
	private record Response(int status, String body, @Nullable String etag) {

		void requireSuccess(String what) throws IOException {
			if (this.status < 200 || this.status >= 300) {
				throw new IOException("S3 " + what + ": HTTP " + this.status + " " + errorCode());
			}
		}

		String errorCode() {
			Matcher code = ERROR_CODE.matcher(this.body);
			return code.find() ? code.group(1) : "";
		}

	}

}
