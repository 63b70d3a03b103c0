package dev.vigil.bench.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import dev.vigil.bench.catalog.CatalogQueryBenchmark.Query;
import dev.vigil.bench.platform.Platform;
import dev.vigil.bench.platform.Platform.Service;

/**
 * The requests of each query, rotating over cameras, windows and ids.
 */
final class QueryRequests {

	private final Platform platform;

	private final String token;

	private final CatalogDataset.Summary summary;

	private final Map<String, String> cursors = new ConcurrentHashMap<>();

	QueryRequests(Platform platform, String token, CatalogDataset.Summary summary) {
		this.platform = platform;
		this.token = token;
		this.summary = summary;
	}

	IntFunction<HttpRequest.Builder> requests(Query query) {
		// The next page rotates over the cameras that have one (a camera with at
		// most 50 media has none); without any cursor it fails with 400 and counts
		// as errors.
		List<CatalogDataset.CameraSummary> cameras = (query != Query.NEXT_PAGE || this.cursors.isEmpty())
				? this.summary.cameras()
				: this.summary.cameras().stream().filter((camera) -> this.cursors.containsKey(camera.id())).toList();
		return (i) -> {
			CatalogDataset.CameraSummary camera = cameras.get(i % cameras.size());
			String path = switch (query) {
				case CAMERAS -> "/api/v1/cameras";
				case NEWEST -> "/api/v1/media?camera=" + camera.id() + "&limit=50";
				case NEXT_PAGE -> "/api/v1/media?camera=" + camera.id() + "&limit=50&cursor=" + cursor(camera.id());
				case TIME_RANGE -> timeRange(camera, i);
				case PEOPLE -> "/api/v1/media?label=person&minConfidence=0.6&limit=50";
				case EVENTS -> "/api/v1/events?camera=" + camera.id() + "&limit=50";
				case BY_ID -> "/api/v1/media/" + this.summary.sampleIds().get(i % this.summary.sampleIds().size());
			};
			return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + this.token);
		};
	}

	private URI uri(String path) {
		return this.platform.service(Service.CATALOG).uri(path);
	}

	private String cursor(String camera) {
		return this.cursors.getOrDefault(camera, "none");
	}

	private static String timeRange(CatalogDataset.CameraSummary camera, int i) {
		long hours = Math.max(1, Duration.between(camera.firstTaken(), camera.lastTaken()).toHours() - 6);
		// A spread of windows: i × a prime step, modulo the camera's history.
		Instant from = camera.firstTaken().plus(Duration.ofHours((i * 7919L) % hours));
		Instant to = from.plus(Duration.ofHours(6));
		return "/api/v1/media?camera=" + camera.id() + "&from=" + encode(from) + "&to=" + encode(to) + "&limit=50";
	}

	private static String encode(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

	void collectCursor(int index, String body) {
		String camera = this.summary.cameras().get(index % this.summary.cameras().size()).id();
		if (!this.cursors.containsKey(camera)) {
			var next = Platform.json(body).get("nextCursor");
			if (next != null && next.isString()) {
				this.cursors.putIfAbsent(camera, next.asString());
			}
		}
	}

}
