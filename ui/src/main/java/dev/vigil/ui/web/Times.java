package dev.vigil.ui.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.vigil.ui.catalog.Camera;

/**
 * Formats times for pages, as {@code @times} in templates. A camera's own time zone wins
 * (the footage happened there), then the user's browser zone (cookie set by app.js), then
 * {@code vigil.ui.display.time-zone}.
 */
@Component("times")
@EnableConfigurationProperties(DisplayProperties.class)
public class Times {

	/** Cookie holding the browser's IANA time zone. */
	public static final String ZONE_COOKIE = "vigil_tz";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

	private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss",
			Locale.ENGLISH);

	private final DisplayProperties display;

	Times(DisplayProperties display) {
		this.display = display;
	}

	/**
	 * The day a page shows: the one asked for, else today in {@code zone}. Days outside
	 * 1970–9999 hold no footage and cannot be stepped through (the next day of
	 * +999999999-12-31 does not exist): refused with a 400 page.
	 */
	public LocalDate shownDay(@Nullable LocalDate day, ZoneId zone) {
		if (day == null) {
			return LocalDate.now(zone);
		}
		if (day.getYear() < 1970 || day.getYear() > 9999) {
			throw new BadParameterException("day", "a date between 1970-01-01 and 9999-12-31");
		}
		return day;
	}

	/** The zone for the current user: browser cookie, else the configured default. */
	public ZoneId userZone() {
		ServletRequestAttributes attributes = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes servlet) ? servlet : null;
		if (attributes != null) {
			HttpServletRequest request = attributes.getRequest();
			if (request.getCookies() != null) {
				for (Cookie cookie : request.getCookies()) {
					if (ZONE_COOKIE.equals(cookie.getName())) {
						ZoneId zone = parse(cookie.getValue());
						if (zone != null) {
							return zone;
						}
					}
				}
			}
		}
		return this.display.zone();
	}

	public ZoneId zone(@Nullable Camera camera) {
		if (camera != null && camera.timeZone() != null) {
			ZoneId zone = parse(camera.timeZone());
			if (zone != null) {
				return zone;
			}
		}
		return userZone();
	}

	public String time(@Nullable Instant instant, @Nullable Camera camera) {
		return (instant != null) ? TIME.format(instant.atZone(zone(camera))) : "–";
	}

	public String shortTime(@Nullable Instant instant, @Nullable Camera camera) {
		return (instant != null) ? SHORT_TIME.format(instant.atZone(zone(camera))) : "–";
	}

	public String date(@Nullable Instant instant, @Nullable Camera camera) {
		return (instant != null) ? DATE.format(instant.atZone(zone(camera))) : "–";
	}

	public String dateTime(@Nullable Instant instant, @Nullable Camera camera) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(zone(camera))) : "–";
	}

	public String day(LocalDate day) {
		return DATE.format(day);
	}

	/** Machine-readable form for {@code <time datetime>}. */
	public String iso(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	public String ago(@Nullable Instant instant) {
		if (instant == null) {
			return "never";
		}
		Duration age = Duration.between(instant, Instant.now());
		if (age.isNegative() || age.toSeconds() < 60) {
			return "just now";
		}
		if (age.toMinutes() < 60) {
			return age.toMinutes() + " min ago";
		}
		if (age.toHours() < 48) {
			return age.toHours() + " h ago";
		}
		return age.toDays() + " days ago";
	}

	public String duration(@Nullable Duration duration) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			return "single shot";
		}
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
	}

	public String millis(@Nullable Long millis) {
		return (millis != null) ? duration(Duration.ofMillis(millis)) : "";
	}

	/**
	 * An offset into a clip as {@code m:ss}, e.g. {@code 1:05}.
	 * @param millis offset from the clip's start
	 * @return the offset for display
	 */
	public String offset(long millis) {
		long seconds = Math.max(0, millis) / 1000;
		return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
	}

	public String bytes(@Nullable Long bytes) {
		if (bytes == null) {
			return "–";
		}
		String[] units = { "B", "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return (unit == 0) ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	public String percent(double confidence) {
		return Math.round(confidence * 100) + " %";
	}

	static @Nullable ZoneId parse(@Nullable String zone) {
		if (zone == null || zone.isBlank() || zone.length() > 64) {
			return null;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
