package dev.vigil.bench.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.vigil.bench.sim.CameraSimulator;
import dev.vigil.bench.sim.CameraSimulator.Camera;
import dev.vigil.bench.sim.CameraSimulator.Options;
import dev.vigil.bench.sim.CameraSimulator.Transfer;
import dev.vigil.bench.sim.CameraSimulator.UploadStyle;
import dev.vigil.bench.sim.FileNaming;
import dev.vigil.bench.sim.Loopback;
import dev.vigil.bench.sim.MediaPool;
import dev.vigil.bench.sim.SimulationResult;

/**
 * Uploads the real sample media as a few cameras through the edge of a running platform
 * ({@code ./vigil up}): two motion bursts per camera, an hour or two ago and a few
 * minutes ago in the cameras' clock, snapshots and clips, the way Foscam firmware writes
 * them.
 *
 * <p>
 * Usage: {@code DemoMain HOST PORT MEDIA_DIR [FILES_PER_BURST]} with the cameras in the
 * environment variable {@code VIGIL_DEMO_CAMERAS} as {@code cameraId:user:password} items
 * separated by commas (not on the command line, where other users could read passwords).
 * With {@code VIGIL_DEMO_API} (the API's base URL, loopback) and {@code VIGIL_DEMO_TOKEN}
 * (a {@code media:read} token) it then waits, at most ten minutes, until the catalog
 * shows every uploaded file processed.
 */
public final class DemoMain {

	private DemoMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length < 3) {
			System.err.println("usage: DemoMain HOST PORT MEDIA_DIR [FILES_PER_BURST]");
			System.exit(2);
		}
		List<Camera> cameras = cameras(System.getenv().getOrDefault("VIGIL_DEMO_CAMERAS", ""));
		int files = (args.length > 3) ? Integer.parseInt(args[3]) : 6;
		MediaPool media = MediaPool.load(Path.of(args[2]));
		CameraSimulator simulator = new CameraSimulator(media);
		LocalDateTime now = LocalDateTime.now().withNano(0);
		int refused = 0;
		int accepted = 0;
		List<String> uploaded = new ArrayList<>();
		for (LocalDateTime start : List.of(now.minusMinutes(150), now.minusMinutes(40))) {
			Options options = new Options(args[0], Integer.parseInt(args[1]), "", cameras, files, 0.2, Transfer.PASSIVE,
					UploadStyle.STOR, FileNaming.FOSCAM, false, true, start.toLocalTime().toSecondOfDay(), start,
					Duration.ofMinutes(5));
			SimulationResult result = simulator.run(options);
			accepted += result.accepted().size();
			// The catalog's id: cameras may send the same bytes, each is its own item.
			result.accepted().forEach((upload) -> uploaded.add(upload.camera() + "." + upload.sha256()));
			refused += result.refused().size();
			result.refused()
				.forEach((upload) -> System.out.printf(Locale.ROOT, "  refused: %s %s -> %s%n", upload.camera(),
						upload.path(), upload.reply()));
			System.out.printf(Locale.ROOT, "Burst of %s: %d files (%.1f MB) from %d cameras in %.1f s%n", start,
					result.accepted().size(), result.acceptedBytes() / 1e6, cameras.size(),
					result.elapsed().toMillis() / 1000.0);
		}
		System.out.printf(Locale.ROOT, "Uploaded %d files, %d refused%n", accepted, refused);
		String api = System.getenv("VIGIL_DEMO_API");
		String token = System.getenv("VIGIL_DEMO_TOKEN");
		boolean processed = (api == null || token == null) || awaitProcessed(api, token, uploaded);
		System.exit((refused == 0 && processed) ? 0 : 1);
	}

	/**
	 * Polls the catalog for each uploaded file (media id {@code <camera>.<sha256>}) until
	 * none is missing or pending.
	 */
	static boolean awaitProcessed(String api, String token, List<String> ids) throws InterruptedException {
		Loopback.require(URI.create(api).getHost());
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		Set<String> waiting = new LinkedHashSet<>(ids);
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
			while (!waiting.isEmpty() && System.nanoTime() < deadline) {
				for (Iterator<String> it = waiting.iterator(); it.hasNext();) {
					String id = it.next();
					try {
						HttpResponse<String> response = http
							.send(HttpRequest.newBuilder(URI.create(api + "/v1/media/" + id))
								.header("Authorization", "Bearer " + token)
								.timeout(Duration.ofSeconds(10))
								.build(), HttpResponse.BodyHandlers.ofString());
						// 404 until the catalog has indexed the upload.
						if (response.statusCode() == 200 && !response.body().contains("\"status\":\"PENDING\"")) {
							it.remove();
						}
					}
					catch (IOException ex) {
						// The catalog is busy or restarting: ask again on the next round.
					}
				}
				System.out.printf(Locale.ROOT, "\r  %d of %d processed", ids.size() - waiting.size(), ids.size());
				if (!waiting.isEmpty()) {
					Thread.sleep(3000);
				}
			}
		}
		System.out.println();
		if (!waiting.isEmpty()) {
			System.out.printf(Locale.ROOT, "%d files not processed within 10 minutes%n", waiting.size());
		}
		return waiting.isEmpty();
	}

	static List<Camera> cameras(String spec) {
		List<Camera> cameras = new ArrayList<>();
		for (String item : spec.split(",")) {
			if (item.isBlank()) {
				continue;
			}
			String[] parts = item.trim().split(":", 3);
			if (parts.length != 3) {
				throw new IllegalArgumentException("VIGIL_DEMO_CAMERAS items must be cameraId:user:password");
			}
			cameras.add(new Camera(parts[0], parts[1], parts[2],
					String.format(Locale.ROOT, "00626E%06X", parts[0].hashCode() & 0xFFFFFF)));
		}
		if (cameras.isEmpty()) {
			throw new IllegalArgumentException("Set VIGIL_DEMO_CAMERAS to cameraId:user:password,...");
		}
		return List.copyOf(cameras);
	}

}
