package dev.vigil.processing.detect;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.vigil.contracts.BoundingBox;
import dev.vigil.contracts.Detection;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A detector running elsewhere (a GPU box, a sidecar with a stronger model), reached over
 * HTTP.
 *
 * <p>
 * Contract: {@code POST <url>} with the upright image as {@code image/jpeg}; the answer
 * is {@code 200 application/json}
 * {@code {"detections":[{"label":"person","confidence":0.87,"box":{"x":10,"y":20,"width":50,"height":120}}]}}
 * with boxes in pixels of the posted image and confidence between 0 and 1. Unknown fields
 * are ignored. Any other status, or a body that breaks these rules, is a failure.
 */
public class HttpDetector implements Detector {

	private final HttpClient client;

	private final URI url;

	private final Duration timeout;

	private final String name;

	private final String version;

	private final JsonMapper json;

	public HttpDetector(URI url, Duration timeout, String name, String version, JsonMapper json) {
		this.url = url;
		this.timeout = timeout;
		this.name = name;
		this.version = version;
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public List<Detection> detect(BufferedImage image) {
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "image/jpeg")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(jpeg(image)))
			.build();
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new DetectorUnavailableException("Detector " + this.url + " did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DetectorUnavailableException("Interrupted while calling detector " + this.url, ex);
		}
		if (response.statusCode() != 200) {
			throw new DetectorUnavailableException(
					"Detector " + this.url + " answered HTTP " + response.statusCode() + " instead of 200");
		}
		try {
			Answer answer = this.json.readValue(response.body(), Answer.class);
			List<Detection> detections = new ArrayList<>();
			for (Detection d : (answer.detections() != null) ? answer.detections() : List.<Detection>of()) {
				BoundingBox box = clamp(d.box(), image.getWidth(), image.getHeight());
				if (box != null) {
					detections.add(new Detection(d.label(), d.confidence(), box, null));
				}
			}
			return detections;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new DetectorUnavailableException(
					"Detector " + this.url + " answered a body that breaks the contract: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable BoundingBox clamp(BoundingBox box, int width, int height) {
		int right = Math.min(width, box.x() + box.width());
		int bottom = Math.min(height, box.y() + box.height());
		if (right - box.x() <= 0 || bottom - box.y() <= 0) {
			return null;
		}
		return new BoundingBox(box.x(), box.y(), right - box.x(), bottom - box.y());
	}

	private static byte[] jpeg(BufferedImage image) {
		BufferedImage rgb = image;
		if (image.getColorModel().hasAlpha()) {
			rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			var g = rgb.createGraphics();
			try {
				g.drawImage(image, 0, 0, null);
			}
			finally {
				g.dispose();
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(rgb, "jpg", out);
		}
		catch (IOException ex) {
			throw new DetectorUnavailableException("Could not encode the image for " + "the detector", ex);
		}
		return out.toByteArray();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(@Nullable List<Detection> detections) {

	}

}
