package dev.vigil.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.vigil.devstack.VigilInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway terminating TLS with a keystore (made here with the JDK's keytool), and the
 * per-address rate limit. Methods run in order: the limit test spends this address's
 * budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@VigilInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTlsIT {

	static final int PORT = GatewayIT.freePort();

	static final String BASE = "https://localhost:" + PORT;

	static final String PASSWORD = "changeit-" + UUID.randomUUID();

	static final Path KEYSTORE = keystore();

	static final Downstream ui = Downstream.echo("ui");

	static final int PER_ADDRESS = 5;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("server.ssl.key-store", () -> KEYSTORE.toUri().toString());
		registry.add("server.ssl.key-store-type", () -> "PKCS12");
		registry.add("server.ssl.key-store-password", () -> PASSWORD);
		registry.add("vigil.gateway.routes.ui-uri", ui::uri);
		registry.add("vigil.gateway.rate-limit.per-address", () -> PER_ADDRESS);
		registry.add("vigil.gateway.rate-limit.window", () -> "1h");
	}

	@AfterAll
	static void stop() {
		ui.close();
	}

	@Test
	@Order(1)
	void servesHttpsWithHsts() throws Exception {
		HttpResponse<String> response = send("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Downstream.JSON.readTree(response.body()).get("headers").get("x-forwarded-proto").asString())
			.isEqualTo("https");
		assertThat(response.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000; includeSubDomains");
	}

	@Test
	@Order(2)
	void limitsRequestsPerAddressWith429AndRetryAfter() throws Exception {
		HttpResponse<String> limited = null;
		for (int i = 0; i <= PER_ADDRESS && limited == null; i++) {
			HttpResponse<String> response = send("/events");
			if (response.statusCode() == 429) {
				limited = response;
			}
		}

		assertThat(limited).as("429 within %d requests", PER_ADDRESS + 1).isNotNull();
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.body()).contains("Rate limit per address exceeded");
		assertThat(send("/actuator/health/liveness").statusCode()).as("health is never limited").isEqualTo(200);
	}

	static HttpResponse<String> send(String path) throws Exception {
		try (HttpClient client = HttpClient.newBuilder().sslContext(trusting()).build()) {
			return client.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	/** Trusts exactly the gateway's self-signed certificate. */
	static SSLContext trusting() throws Exception {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(KEYSTORE)) {
			keys.load(in, PASSWORD.toCharArray());
		}
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("gateway", keys.getCertificate("gateway"));
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	static Path keystore() {
		try {
			Path dir = Files.createDirectories(Path.of("target", "tls-it"));
			Path file = dir.resolve(UUID.randomUUID() + ".p12");
			Process keytool = new ProcessBuilder(
					List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
							"-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
							"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
							"-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
				.redirectErrorStream(true)
				.start();
			String output = new String(keytool.getInputStream().readAllBytes());
			if (keytool.waitFor() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			return file.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
