package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.contracts.Detection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives the client against a real HTTP server on a loopback port chosen by the system.
 */
class HttpDetectorTests {

	private HttpServer server;

	private final AtomicReference<String> contentType = new AtomicReference<>();

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void postsTheImageAsJpegAndReadsDetections() throws IOException {
		HttpDetector detector = serve(200, """
				{"detections":[{"label":"person","confidence":0.87,"box":{"x":10,"y":20,"width":50,"height":120}}],
				 "model":"centernet"}""");
		List<Detection> found = detector.detect(new BufferedImage(100, 200, BufferedImage.TYPE_INT_RGB));
		assertThat(this.contentType.get()).isEqualTo("image/jpeg");
		assertThat(found).singleElement().satisfies((d) -> {
			assertThat(d.label()).isEqualTo("person");
			assertThat(d.confidence()).isEqualTo(0.87);
			assertThat(d.box().height()).isEqualTo(120);
		});
		assertThat(detector.name()).isEqualTo("centernet-sidecar");
	}

	@Test
	void clipsBoxesToTheImage() throws IOException {
		HttpDetector detector = serve(200, """
				{"detections":[{"label":"person","confidence":0.6,"box":{"x":80,"y":20,"width":50,"height":120}}]}""");
		assertThat(detector.detect(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB))).singleElement()
			.satisfies((d) -> assertThat(d.box().width()).isEqualTo(20));
	}

	@Test
	void failsClearlyOnAnErrorStatus() throws IOException {
		HttpDetector detector = serve(503, "busy");
		assertThatExceptionOfType(DetectorUnavailableException.class)
			.isThrownBy(() -> detector.detect(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)))
			.withMessageContaining("HTTP 503");
	}

	@Test
	void failsClearlyOnAnAnswerThatBreaksTheContract() throws IOException {
		HttpDetector detector = serve(200, """
				{"detections":[{"label":"person","confidence":7,"box":{"x":1,"y":2,"width":5,"height":12}}]}""");
		assertThatExceptionOfType(DetectorUnavailableException.class)
			.isThrownBy(() -> detector.detect(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)))
			.withMessageContaining("confidence");
	}

	private HttpDetector serve(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/detect", (exchange) -> {
			this.contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
			exchange.getRequestBody().readAllBytes();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/detect");
		return new HttpDetector(url, Duration.ofSeconds(5), "centernet-sidecar", "3.0.4", JsonMapper.builder().build());
	}

}
