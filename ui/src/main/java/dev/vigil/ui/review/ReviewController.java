package dev.vigil.ui.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.catalog.Review;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * The review page and the review actions. Alerts (a person, vehicle or animal was
 * detected) are listed apart from plain motion; by default only what this person has not
 * reviewed yet, newest first, across all days.
 */
@Controller
class ReviewController {

	private static final int PAGE_SIZE = 30;

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	private final Times times;

	ReviewController(CatalogClient catalog, CameraDirectory cameras, Times times) {
		this.catalog = catalog;
		this.cameras = cameras;
		this.times = times;
	}

	@GetMapping("/review")
	String review(@RequestParam(defaultValue = "alert") String kind,
			@RequestParam(defaultValue = "unreviewed") String show,
			@RequestParam(required = false) @Nullable List<String> camera,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String labels,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		String chosenKind = List.of("alert", "motion", "all").contains(kind) ? kind : "alert";
		String chosenShow = List.of("unreviewed", "reviewed", "all").contains(show) ? show : "unreviewed";
		List<String> chosenCameras = (camera != null)
				? camera.stream().filter((id) -> !id.isBlank()).map((id) -> Ids.require(Ids.CAMERA, id)).toList()
				: List.of();
		List<String> chosenLabels = (labels != null) ? Arrays.stream(labels.toLowerCase().split("[,\\s]+"))
			.filter((label) -> label.matches("[a-z0-9][a-z0-9 _-]{0,31}"))
			.distinct()
			.limit(20)
			.toList() : List.of();
		ZoneId zone = this.times.userZone();
		Page<Review.ReviewedEvent> page = this.catalog.reviewSearch(
				new Queries.ReviewSearch(chosenCameras, (from != null) ? from.atStartOfDay(zone).toInstant() : null,
						(to != null) ? to.plusDays(1).atStartOfDay(zone).toInstant() : null, chosenLabels,
						"all".equals(chosenKind) ? null : chosenKind, switch (chosenShow) {
							case "unreviewed" -> Boolean.FALSE;
							case "reviewed" -> Boolean.TRUE;
							default -> null;
						}, null, Ids.optional(Ids.CURSOR, cursor), PAGE_SIZE));
		model.addAttribute("items", page.items());
		model.addAttribute("cameras", this.cameras.byId());
		model.addAttribute("kind", chosenKind);
		model.addAttribute("show", chosenShow);
		model.addAttribute("chosenCameras", chosenCameras);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("labels", String.join(", ", chosenLabels));
		model.addAttribute("nextUrl",
				(page.nextCursor() != null) ? UriComponentsBuilder.fromPath("/review")
					.queryParam("kind", chosenKind)
					.queryParam("show", chosenShow)
					.queryParam("camera", chosenCameras.toArray())
					.queryParamIfPresent("from", java.util.Optional.ofNullable(from))
					.queryParamIfPresent("to", java.util.Optional.ofNullable(to))
					.queryParam("labels", String.join(",", chosenLabels))
					.queryParam("cursor", page.nextCursor())
					.encode()
					.toUriString() : null);
		return "review";
	}

	@PostMapping("/review/mark-all")
	String markAll(RedirectAttributes redirect) {
		this.catalog.markAllReviewed(java.time.Instant.now());
		redirect.addFlashAttribute("notice", "Everything up to now is marked reviewed.");
		return "redirect:/review";
	}

	@PostMapping("/events/{id}/review")
	String mark(@PathVariable String id, @RequestParam(defaultValue = "true") boolean reviewed,
			@RequestParam(defaultValue = "false") boolean next, @RequestParam(required = false) @Nullable String m,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Ids.require(Ids.EVENT, id);
		this.catalog.markReviewed(id, reviewed);
		if (next) {
			Review.Summary summary = this.catalog.reviewSummary();
			if (summary.nextUnreviewed() != null && Ids.EVENT.matcher(summary.nextUnreviewed()).matches()) {
				return "redirect:/events/" + summary.nextUnreviewed();
			}
			redirect.addFlashAttribute("notice", "All caught up: nothing left to review.");
			return "redirect:/review";
		}
		if (back != null && back.matches("/review(\\?[A-Za-z0-9=&%._,-]*)?")) {
			redirect.addFlashAttribute("notice", reviewed ? "Marked reviewed." : "Marked unreviewed.");
			return "redirect:" + back;
		}
		redirect.addFlashAttribute("notice", reviewed ? "Marked reviewed." : "Marked unreviewed again.");
		String media = Ids.optional(Ids.MEDIA, m);
		return "redirect:" + UriComponentsBuilder.fromPath("/events/{id}")
			.queryParamIfPresent("m", java.util.Optional.ofNullable(media))
			.buildAndExpand(id)
			.encode()
			.toUriString();
	}

}
