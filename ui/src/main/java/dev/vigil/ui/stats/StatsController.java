package dev.vigil.ui.stats;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.Stats;
import dev.vigil.ui.web.CameraDirectory;

/**
 * Uploads per camera per day, the detection-confidence histogram and storage per camera.
 */
@Controller
class StatsController {

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	StatsController(CatalogClient catalog, CameraDirectory cameras) {
		this.catalog = catalog;
		this.cameras = cameras;
	}

	@GetMapping("/stats")
	String stats(@RequestParam(defaultValue = "14") int days, Model model) {
		int shown = (days == 7 || days == 14 || days == 30 || days == 90) ? days : 14;
		// The API counts UTC days (its media carry a UTC day field), so the
		// range is UTC too.
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = today.minusDays(shown - 1);
		Stats stats = this.catalog.stats(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Map<String, String> names = new LinkedHashMap<>();
		this.cameras.byId().forEach((id, camera) -> names.put(id, camera.label()));
		model.addAttribute("days", shown);
		model.addAttribute("uploads", Charts.uploads(stats.uploadsPerDay(), from, shown, names));
		model.addAttribute("histogram", Charts.histogram(stats.confidenceHistogram()));
		model.addAttribute("storage", Charts.storage(stats.storage(), names));
		model.addAttribute("totalUploads", stats.uploadsPerDay().stream().mapToLong(Stats.DayCount::uploads).sum());
		model.addAttribute("totalBytes", stats.storage().stream().mapToLong(Stats.Storage::bytes).sum());
		return "stats";
	}

}
