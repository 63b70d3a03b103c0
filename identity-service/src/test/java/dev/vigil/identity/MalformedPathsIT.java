package dev.vigil.identity;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths Tomcat refuses before the service sees them get a problem on this service's own
 * port, not Tomcat's HTML page naming the server.
 */
class MalformedPathsIT extends IdentityIntegrationTest {

	@Test
	void answersEncodedSlashesNulsAndBackslashesWithAProblemNotAnHtmlPage() {
		String admin = adminToken();
		try (Browser http = new Browser(BASE)) {
			for (String path : List.of("/admin/v1/users/a%2F..%2Fb", "/admin/v1/users/%00", "/login%00",
					"/admin/v1/users%5C..")) {
				HttpResponse<String> response = http.bearer("GET", path, admin, null);
				assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type")).as(path)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(Browser.json(response).path("type").asString()).as(path)
					.isEqualTo("https://vigil.dev/problems/invalid-request");
				assertThat(Browser.json(response).path("status").asInt()).isEqualTo(400);
				assertThat(response.body()).as(path).doesNotContain("<html", "Tomcat", "Exception");
			}
		}
	}

}
