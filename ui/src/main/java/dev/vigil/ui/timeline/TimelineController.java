package dev.vigil.ui.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogProperties;
import dev.vigil.ui.catalog.Event;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * The home page: one day's events across cameras, newest first, filtered and
 * cursor-paged. Events newer than the user's previous visit are marked; the visit time
 * lives in a per-user cookie, because the UI keeps no data of its own.
 */
@Controller
class TimelineController {

	static final String SEEN_COOKIE_PREFIX = "vigil_seen_";

	/** The labels the detectors report, as the filter offers them. */
	static final Pattern LABELS = Pattern.compile("person|vehicle|animal");

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	private final CatalogProperties properties;

	private final Times times;

	TimelineController(CatalogClient catalog, CameraDirectory cameras, CatalogProperties properties, Times times) {
		this.catalog = catalog;
		this.cameras = cameras;
		this.properties = properties;
		this.times = times;
	}

	@GetMapping("/")
	String timeline(@RequestParam(required = false) @Nullable String camera,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "false") boolean people,
			@RequestParam(required = false) @Nullable String label,
			@RequestParam(required = false) @Nullable Integer minConfidence,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Long seen, Authentication user, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String cameraId = Ids.optional(Ids.CAMERA, camera);
		String position = Ids.optional(Ids.CURSOR, cursor);
		String chosen = Ids.optional(LABELS, label);
		String detected = chosen;
		int confidence = (minConfidence != null) ? Math.clamp(minConfidence, 0, 100) : 0;
		ZoneId zone = this.times.userZone();
		LocalDate today = LocalDate.now(zone);
		LocalDate shown = this.times.shownDay(day, zone);
		// "People only" is the person label; a confidence alone applies to people.
		if (detected == null && (people || confidence > 0)) {
			detected = "person";
		}
		Queries.Events query = new Queries.Events(cameraId, shown.atStartOfDay(zone).toInstant(),
				shown.plusDays(1).atStartOfDay(zone).toInstant(), detected,
				(confidence > 0) ? confidence / 100.0 : null, position, this.properties.pageSize());
		Map<String, Camera> cameraMap = this.cameras.byId();
		Page<Event> page = this.catalog.events(query);

		Instant lastVisit = lastVisit(seen, position, user, request);
		if (position == null) {
			rememberVisit(user, response);
		}
		int newCount = 0;
		if (lastVisit != null) {
			for (Event event : page.items()) {
				if (event.latest().isAfter(lastVisit)) {
					newCount++;
				}
			}
		}
		model.addAttribute("events", page.items());
		model.addAttribute("cameras", cameraMap);
		model.addAttribute("camera", cameraId);
		model.addAttribute("day", shown);
		model.addAttribute("today", today);
		model.addAttribute("isToday", shown.equals(today));
		model.addAttribute("people", people);
		model.addAttribute("label", chosen);
		model.addAttribute("minConfidence", confidence);
		model.addAttribute("lastVisit", lastVisit);
		model.addAttribute("newCount", newCount);
		model.addAttribute("firstPage", position == null);
		model.addAttribute("filtered", cameraId != null || people || confidence > 0 || detected != null);
		model.addAttribute("nextUrl", (page.nextCursor() != null)
				? url(cameraId, shown, day != null, people, chosen, confidence, page.nextCursor(), lastVisit) : null);
		model.addAttribute("previousDayUrl",
				url(cameraId, shown.minusDays(1), true, people, chosen, confidence, null, null));
		model.addAttribute("nextDayUrl", shown.isBefore(today)
				? url(cameraId, shown.plusDays(1), true, people, chosen, confidence, null, null) : null);
		return "timeline";
	}

	private static String url(@Nullable String camera, LocalDate day, boolean withDay, boolean people,
			@Nullable String label, int confidence, @Nullable String cursor, @Nullable Instant seen) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
		if (camera != null) {
			uri.queryParam("camera", camera);
		}
		if (withDay) {
			uri.queryParam("day", day.toString());
		}
		if (people) {
			uri.queryParam("people", "true");
		}
		if (label != null) {
			uri.queryParam("label", label);
		}
		if (confidence > 0) {
			uri.queryParam("minConfidence", confidence);
		}
		if (cursor != null) {
			uri.queryParam("cursor", cursor);
		}
		if (seen != null) {
			uri.queryParam("seen", seen.toEpochMilli());
		}
		return uri.encode().build().toUriString();
	}

	private static @Nullable Instant lastVisit(@Nullable Long seen, @Nullable String cursor, Authentication user,
			HttpServletRequest request) {
		if (cursor != null) {
			// Later pages carry the first page's value: the cookie was already moved on.
			return (seen != null) ? Instant.ofEpochMilli(seen) : null;
		}
		String name = cookieName(user);
		if (request.getCookies() != null) {
			for (var cookie : request.getCookies()) {
				if (name.equals(cookie.getName())) {
					try {
						return Instant.ofEpochMilli(Long.parseLong(cookie.getValue()));
					}
					catch (NumberFormatException ex) {
						return null;
					}
				}
			}
		}
		return null;
	}

	private static void rememberVisit(Authentication user, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(cookieName(user), String.valueOf(Instant.now().toEpochMilli()))
			.path("/")
			.maxAge(Duration.ofDays(90))
			.httpOnly(true)
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/** One cookie per user, so people sharing a browser keep their own marker. */
	static String cookieName(Authentication user) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(user.getName().getBytes(StandardCharsets.UTF_8));
			return SEEN_COOKIE_PREFIX + HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
