package dev.vigil.catalog.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.vigil.contracts.MediaKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs from the #15 attack run that got a 500, an HTML page, an empty body or were
 * silently accepted: each now gets one problem shape with a stable type.
 */
class HostileRequestsIT extends CatalogIT {

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/media?from=%2B292278995-01-01T00:00:00Z",
			"/api/v1/media?to=-292278995-01-01T00:00:00Z", "/api/v1/events?from=%2B1000000000-01-01T00:00:00Z",
			"/api/v1/stats?to=%2B292278995-01-01T00:00:00Z", "/api/v1/audit?from=-999999999-01-01T00:00:00Z",
			"/api/v1/media?from=%2B10000-01-01T00:00:00Z" })
	void refusesDatesBeyondWhatTheStoreCanHold(String path) {
		Api.Response response = this.api.get(path, issuer.admin());
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://vigil.dev/problems/invalid-time-range");
		assertThat(this.api.get("/api/v1/media?from=9999-12-31T00:00:00Z", issuer.reader()).status()).isEqualTo(200);
	}

	@Test
	void refusesJsonWithADuplicateKeyAndLeavesTheItemAsItWas() {
		String camera = WireEvents.camera("dup-keys");
		String sha = WireEvents.mediaId();
		wire.uploaded(WireEvents.upload(camera, sha, Instant.now(), MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/media/" + sha, issuer.reader()), (r) -> r.status() == 200);

		// A proxy reading the first "hold" sees a release; the last one would hold.
		Api.Response response = this.api.send("PUT", "/api/v1/media/" + sha + "/legal-hold", issuer.admin(),
				"{\"hold\":false,\"reason\":\"x\",\"hold\":true}");
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://vigil.dev/problems/invalid-request");
		assertThat(response.json().path("detail").asString()).contains("twice");
		assertThat(this.api.get("/api/v1/media/" + sha, issuer.reader()).json().path("legalHold").asBoolean())
			.isFalse();
	}

	@Test
	void refusesControlCharactersInACameraNameAndKeepsTheOldOne() {
		String camera = WireEvents.camera("nul-name");
		wire.uploaded(WireEvents.upload(camera, WireEvents.mediaId(), Instant.now(), MediaKind.IMAGE));
		eventually(() -> this.api.get("/api/v1/cameras/" + camera, issuer.reader()), (r) -> r.status() == 200);
		String before = this.api.get("/api/v1/cameras/" + camera, issuer.reader()).json().path("name").asString();

		for (String name : new String[] { "gate\\u0000", "gate\\r\\nforged: entry", "\\u001b[31mred" }) {
			Api.Response patch = this.api.send("PATCH", "/api/v1/cameras/" + camera, issuer.admin(),
					"{\"name\":\"" + name + "\"}");
			assertThat(patch.status()).as(name).isEqualTo(400);
			assertThat(patch.contentType()).startsWith("application/problem+json");
			Api.Response add = this.api.send("POST", "/api/v1/cameras", issuer.admin(),
					"{\"name\":\"" + name + "\",\"edgeNodeId\":\"edge-1\",\"protocol\":\"SFTP\"}");
			assertThat(add.status()).as(name).isEqualTo(400);
			assertThat(add.problemType()).as("refused for its name, before the edge is looked up")
				.isNotEqualTo("https://vigil.dev/problems/unknown-edge-node");
		}
		assertThat(this.api.get("/api/v1/cameras/" + camera, issuer.reader()).json().path("name").asString())
			.isEqualTo(before);
	}

	@Test
	void refusesBodiesOverTheLimitWithOrWithoutADeclaredLength() throws Exception {
		String body = "{\"hold\":true,\"reason\":\"" + "x".repeat(100 * 1024) + "\"}";
		Api.Response declared = this.api.send("PUT", "/api/v1/media/" + WireEvents.mediaId() + "/legal-hold",
				issuer.admin(), body);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.contentType()).startsWith("application/problem+json");
		assertThat(declared.problemType()).isEqualTo("https://vigil.dev/problems/payload-too-large");

		HttpRequest chunked = HttpRequest
			.newBuilder(URI.create(this.api.base() + "/api/v1/media/" + WireEvents.mediaId() + "/legal-hold"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + issuer.admin())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.build();
		HttpResponse<String> response = this.api.http().send(chunked, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(Api.JSON.readTree(response.body()).path("type").asString())
			.isEqualTo("https://vigil.dev/problems/payload-too-large");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/media/a%2Fb", "/api/v1/media/a%00b", "/api/v1/media/%2e%2e%2Fcameras" })
	void answersMalformedPathsWithAProblemNotAnHtmlPage(String path) throws IOException {
		String response = raw("GET " + path + " HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"type\":\"https://vigil.dev/problems/invalid-request\"")
			.doesNotContain("<html");
	}

	@Test
	void answersAnOverlongUrlWithAProblem() throws IOException {
		String response = raw("GET /api/v1/media?label=" + "a".repeat(20_000) + " HTTP/1.1");
		assertThat(response).matches("(?s)HTTP/1.1 (414|400).*");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"type\":\"https://vigil.dev/problems/");
	}

	@Test
	void showsTheAuditLogOnlyToAdminsOfEveryCamera() {
		String camera = WireEvents.camera("scoped-admin");
		Api.Response scoped = this.api.get("/api/v1/audit", issuer.token("media:read admin", List.of(camera)));
		assertThat(scoped.status()).isEqualTo(403);
		assertThat(scoped.problemType()).isEqualTo("https://vigil.dev/problems/camera-forbidden");
		assertThat(this.api.get("/api/v1/audit", issuer.token("media:read admin", List.of("*"))).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/v1/audit", issuer.admin()).status()).isEqualTo(200);
	}

	/** One request over a plain socket, byte for byte, so nothing normalises the path. */
	private String raw(String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + issuer.reader()
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
