package dev.vigil.notify.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at the path the gateway routes to this service, readable without a
 * token, while the API it describes still needs one.
 */
class OpenApiIT extends NotificationIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void servesItsDocumentWithoutATokenAndDescribesTheSecuritySchemes() throws Exception {
		HttpResponse<String> document = get("/api/v1/notifications/openapi");

		assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
		JsonNode json = JSON.readTree(document.body());
		assertThat(json.path("paths").has("/api/v1/notifications/rules")).isTrue();
		assertThat(json.path("paths").has("/api/v1/notifications/channels")).isTrue();
		assertThat(json.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asString())
			.isEqualTo("/auth/oauth2/token");
		assertThat(json.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(json.at("/servers/0/url").asString()).isEqualTo("/");
		assertThat(get("/api/v1/notifications/openapi.yaml").statusCode()).isEqualTo(200);
	}

	@Test
	void theApiItDescribesStillNeedsAToken() throws Exception {
		assertThat(get("/api/v1/notifications/rules").statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/notifications/openapi-not-the-document").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
