package dev.vigil.ui.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.CatalogUnavailableException;
import dev.vigil.ui.catalog.Event;
import dev.vigil.ui.catalog.Media;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.catalog.Review;
import dev.vigil.ui.web.Ids;

/**
 * One event: a viewer for the selected media (video player or picture with detection
 * boxes), a strip of all its media in capture order, and the not-a-person feedback.
 */
@Controller
class EventController {

	private static final int MAX_EVENT_MEDIA = 500;

	private final CatalogClient catalog;

	EventController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/events/{id}")
	String event(@PathVariable String id, @RequestParam(name = "m", required = false) @Nullable String selected,
			Model model) {
		Event event = this.catalog.event(Ids.require(Ids.EVENT, id));
		List<Media> media;
		if (event.media() != null) {
			media = event.media();
		}
		else {
			media = new ArrayList<>(
					this.catalog.allMedia(new Queries.Media(null, null, null, event.id(), null, 200), MAX_EVENT_MEDIA));
			// The listing is newest first; an event reads in the order it happened.
			Collections.reverse(media);
		}
		int index = selectedIndex(media, selected, event);
		Media current = media.isEmpty() ? null : media.get(index);
		model.addAttribute("detectionRows", (current != null) ? DetectionRow.of(current) : List.of());
		model.addAttribute("overlays", (current != null) ? BoxOverlay.of(current) : List.of());
		model.addAttribute("event", event);
		model.addAttribute("review", review(event.id()));
		model.addAttribute("camera", camera(event.cameraId()));
		model.addAttribute("media", media);
		model.addAttribute("current", current);
		model.addAttribute("index", index);
		model.addAttribute("previousUrl", (index > 0) ? link(event, media.get(index - 1)) : null);
		model.addAttribute("nextUrl", (index < media.size() - 1) ? link(event, media.get(index + 1)) : null);
		return "event";
	}

	/**
	 * The item to show: the one asked for, else the one the event is known by (its best
	 * detection, which the timeline card shows), else the item with the most confident
	 * person, else the first.
	 */
	static int selectedIndex(List<Media> media, @Nullable String selected, Event event) {
		for (String wanted : new String[] { selected, event.thumbnailMediaId() }) {
			for (int i = 0; wanted != null && i < media.size(); i++) {
				if (media.get(i).id().equals(wanted)) {
					return i;
				}
			}
		}
		int best = 0;
		for (int i = 1; i < media.size(); i++) {
			if (media.get(i).personConfidence() > media.get(best).personConfidence()) {
				best = i;
			}
		}
		return best;
	}

	@PostMapping("/events/{id}/feedback")
	String feedback(@PathVariable String id, @RequestParam String media, @RequestParam List<Integer> detection,
			@RequestParam(defaultValue = "true") boolean falsePositive, RedirectAttributes redirect) {
		Ids.require(Ids.EVENT, id);
		Ids.require(Ids.MEDIA, media);
		try {
			// A clip's line stands for the same label in many sampled
			// frames: mark them all.
			for (int index : detection.stream().distinct().limit(MAX_EVENT_MEDIA).toList()) {
				this.catalog.feedback(media, index, falsePositive, null);
			}
			redirect.addFlashAttribute("notice",
					falsePositive ? "Thanks: marked as not a person." : "Thanks: the mark was taken back.");
		}
		catch (CatalogException ex) {
			if (ex.status() != 403 && ex.status() != 404 && ex.status() != 400) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", (ex.status() == 403)
					? "Your account may not give detection feedback. Ask an administrator for the media:write permission."
					: "That detection no longer exists.");
		}
		return "redirect:" + link(id, media);
	}

	/** This person's review state; the page works without it (older catalog, outage). */
	private Review.@Nullable ReviewedEvent review(String id) {
		try {
			return this.catalog.reviewState(id);
		}
		catch (CatalogException | CatalogUnavailableException ex) {
			return null;
		}
	}

	private @Nullable Camera camera(String id) {
		try {
			return this.catalog.camera(id);
		}
		catch (CatalogException ex) {
			return null;
		}
	}

	static String link(Event event, Media media) {
		return link(event.id(), media.id());
	}

	static String link(String eventId, String mediaId) {
		return UriComponentsBuilder.fromPath("/events/{id}")
			.queryParam("m", mediaId)
			.buildAndExpand(eventId)
			.encode()
			.toUriString();
	}

}
