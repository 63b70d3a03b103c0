package dev.vigil.ui.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.catalog.Review;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Ids;

/**
 * Admin page for legal holds on events and media.
 */
@Controller
@RequestMapping("/admin")
class LegalHoldController {

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	LegalHoldController(CatalogClient catalog, CameraDirectory cameras) {
		this.catalog = catalog;
		this.cameras = cameras;
	}

	@GetMapping("/holds")
	String holds(@RequestParam(required = false) @Nullable String cursor, Model model) {
		Page<Review.ReviewedEvent> held = this.catalog.reviewSearch(new Queries.ReviewSearch(List.of(), null, null,
				List.of(), null, null, Boolean.TRUE, Ids.optional(Ids.CURSOR, cursor), 50));
		model.addAttribute("held", held.items());
		model.addAttribute("heldNext", held.nextCursor());
		model.addAttribute("cameras", this.cameras.byId());
		model.addAttribute("section", "holds");
		return "admin/holds";
	}

	@PostMapping("/holds")
	String hold(@RequestParam String target, @RequestParam("id") String typedId, @RequestParam boolean hold,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		boolean event = "event".equals(target);
		String safeBack = (back != null
				&& back.matches("/events/" + Ids.EVENT.pattern() + "(\\?m=" + Ids.MEDIA.pattern() + ")?")) ? back
						: "/admin/holds";
		if (!(event ? Ids.EVENT : Ids.MEDIA).matcher(typedId.strip()).matches()) {
			redirect.addFlashAttribute("problem", event
					? "That is not an event id: it looks like porch.1764655200000 (camera, dot, start time). Copy it from the event page's address."
					: "That is not a media id: it looks like porch.<64 hexadecimal characters>. Copy it from the event page's address (?m=).");
			return "redirect:" + safeBack;
		}
		String id = typedId.strip();
		String shortReason = (reason != null && reason.length() > 500) ? reason.substring(0, 500) : reason;
		try {
			this.catalog.legalHold(event ? "events" : "media", id, hold, shortReason);
			redirect.addFlashAttribute("notice", (hold ? "Legal hold placed on " : "Legal hold lifted from ")
					+ (event ? "event " : "media ") + id + ".");
		}
		catch (CatalogException ex) {
			if (ex.status() >= 500) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", "Could not change the hold: "
					+ ((ex.status() == 404) ? "no such " + (event ? "event" : "media item") + "." : ex.getMessage()));
		}
		return "redirect:" + safeBack;
	}

}
