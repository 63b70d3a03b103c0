package dev.vigil.ui.camera;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CameraHealth;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.Media;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * The cameras overview and one camera's day, hour by hour, with its health.
 */
@Controller
class CameraController {

	/**
	 * A busy camera day is a few hundred uploads; past this the page would be unusable
	 * anyway.
	 */
	private static final int MAX_DAY_MEDIA = 1000;

	/**
	 * The overview counts today's uploads from one listing page: "200" means 200 or more.
	 */
	private static final int MAX_TODAY_COUNT = 200;

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	private final Times times;

	CameraController(CatalogClient catalog, CameraDirectory cameras, Times times) {
		this.catalog = catalog;
		this.cameras = cameras;
		this.times = times;
	}

	@GetMapping("/cameras")
	String cameras(Model model) {
		Map<String, Camera> all = this.cameras.byId();
		List<CameraCard> cards = new ArrayList<>();
		for (Camera camera : all.values()) {
			Page<Media> latest = this.catalog.media(new Queries.Media(camera.id(), null, null, null, null, 1));
			cards.add(new CameraCard(camera, health(camera, null),
					latest.items().isEmpty() ? null : latest.items().get(0)));
		}
		model.addAttribute("cards", cards);
		return "cameras";
	}

	@GetMapping("/cameras/{id}")
	String camera(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			Model model) {
		Camera camera = this.catalog.camera(Ids.require(Ids.CAMERA, id));
		ZoneId zone = this.times.zone(camera);
		LocalDate today = LocalDate.now(zone);
		LocalDate shown = this.times.shownDay(day, zone);
		List<Media> media = this.catalog.allMedia(new Queries.Media(camera.id(), shown.atStartOfDay(zone).toInstant(),
				shown.plusDays(1).atStartOfDay(zone).toInstant(), null, null, 200), MAX_DAY_MEDIA);
		List<Hour> hours = new ArrayList<>();
		for (int hour = 0; hour < 24; hour++) {
			hours.add(new Hour(hour, new ArrayList<>()));
		}
		for (Media item : media) {
			Instant time = (item.takenAt() != null) ? item.takenAt() : item.receivedAt();
			if (time != null) {
				hours.get(time.atZone(zone).getHour()).media().add(0, item);
			}
		}
		int busiest = hours.stream().mapToInt((hour) -> hour.media().size()).max().orElse(0);
		model.addAttribute("camera", camera);
		model.addAttribute("health", health(camera, shown.equals(today) ? media.size() : null));
		model.addAttribute("hours", hours);
		model.addAttribute("busiest", Math.max(busiest, 1));
		model.addAttribute("total", media.size());
		model.addAttribute("people", media.stream().filter((item) -> item.personConfidence() > 0).count());
		model.addAttribute("day", shown);
		model.addAttribute("stripLabel", "Uploads per hour on " + this.times.day(shown));
		model.addAttribute("isToday", shown.equals(today));
		model.addAttribute("previousDay", shown.minusDays(1));
		model.addAttribute("nextDay", shown.isBefore(today) ? shown.plusDays(1) : null);
		model.addAttribute("truncated", media.size() >= MAX_DAY_MEDIA);
		return "camera";
	}

	/**
	 * Health, from the API when it answers, else judged from the last upload. "Uploads
	 * today" counts what was captured today in the camera's zone, like the day view
	 * beside it (the API's counter is per UTC day of arrival, which disagreed with it).
	 * @param camera the camera
	 * @param today today's items when the caller already listed them
	 */
	private Health health(Camera camera, @Nullable Integer today) {
		try {
			CameraHealth health = this.catalog.cameraHealth(camera.id());
			Instant lastSeen = (health.lastSeen() != null) ? health.lastSeen() : camera.lastUploadAt();
			return new Health(lastSeen, health.silent(), (today != null) ? today : uploadsToday(camera), true);
		}
		catch (CatalogException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			Duration silentAfter = Duration
				.ofMinutes((camera.silentAfterMinutes() != null) ? camera.silentAfterMinutes() : 24 * 60);
			Instant last = camera.lastUploadAt();
			boolean silent = last == null || last.plus(silentAfter).isBefore(Instant.now());
			return new Health(last, silent, -1, false);
		}
	}

	private long uploadsToday(Camera camera) {
		ZoneId zone = this.times.zone(camera);
		Page<Media> today = this.catalog.media(new Queries.Media(camera.id(),
				LocalDate.now(zone).atStartOfDay(zone).toInstant(), null, null, null, MAX_TODAY_COUNT));
		return today.items().size();
	}

	/**
	 * A camera's health as shown.
	 *
	 * @param lastSeen latest upload
	 * @param silent quiet for too long
	 * @param uploadsToday uploads today; -1 when unknown
	 * @param reported whether catalog-api reported it (else judged here)
	 */
	record Health(@Nullable Instant lastSeen, boolean silent, long uploadsToday, boolean reported) {

	}

	/**
	 * A camera on the overview.
	 *
	 * @param camera camera
	 * @param health health
	 * @param latest its latest media, if any
	 */
	record CameraCard(Camera camera, Health health, @Nullable Media latest) {

	}

	/**
	 * One hour of a camera's day.
	 *
	 * @param hour 0 to 23 in the camera's zone
	 * @param media its media, oldest first
	 */
	record Hour(int hour, List<Media> media) {

		public String label() {
			return String.format("%02d:00", this.hour);
		}

	}

}
