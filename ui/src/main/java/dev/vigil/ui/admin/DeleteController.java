package dev.vigil.ui.admin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.Event;
import dev.vigil.ui.catalog.Media;
import dev.vigil.ui.web.Ids;

/**
 * Deleting an item or a whole event from the event page (admin: the {@code /admin} tree
 * needs the role). catalog-api deletes the objects, refuses held items with 409 and
 * audits each deletion; a held event is refused here before any call.
 */
@Controller
@RequestMapping("/admin")
class DeleteController {

	private final CatalogClient catalog;

	DeleteController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@PostMapping("/media/{id}/delete")
	String deleteMedia(@PathVariable String id, @RequestParam String event, RedirectAttributes redirect) {
		Ids.require(Ids.MEDIA, id);
		Ids.require(Ids.EVENT, event);
		try {
			this.catalog.deleteMedia(id);
			redirect.addFlashAttribute("notice", "Deleted the item and its files. The audit log has the details.");
		}
		catch (CatalogException ex) {
			if (ex.status() != 409 && ex.status() != 404) {
				throw ex;
			}
			redirect.addFlashAttribute("problem",
					(ex.status() == 409) ? "This item is on legal hold and cannot be deleted: lift the hold first."
							: "This item was already deleted.");
			return "redirect:" + EventLinks.event(event, id);
		}
		return "redirect:" + EventLinks.event(event, null);
	}

	@PostMapping("/events/{id}/delete")
	String deleteEvent(@PathVariable String id, RedirectAttributes redirect) {
		Event event = this.catalog.event(Ids.require(Ids.EVENT, id));
		if (event.legalHold()) {
			redirect.addFlashAttribute("problem",
					"This event is on legal hold and cannot be deleted: lift the hold first.");
			return "redirect:" + EventLinks.event(id, null);
		}
		int deleted = 0;
		List<String> held = new ArrayList<>();
		for (Media item : (event.media() != null) ? event.media() : List.<Media>of()) {
			try {
				this.catalog.deleteMedia(item.id());
				deleted++;
			}
			catch (CatalogException ex) {
				if (ex.status() != 409 && ex.status() != 404) {
					throw ex;
				}
				if (ex.status() == 409) {
					held.add(item.id());
				}
			}
		}
		if (!held.isEmpty()) {
			redirect.addFlashAttribute("problem",
					"Deleted " + deleted + " items; " + held.size() + " are on legal hold and were kept.");
			return "redirect:" + EventLinks.event(id, null);
		}
		redirect.addFlashAttribute("notice", "Deleted the event (" + deleted + (deleted == 1 ? " item" : " items")
				+ ") and its files. The audit log has the details.");
		return "redirect:/";
	}

}
