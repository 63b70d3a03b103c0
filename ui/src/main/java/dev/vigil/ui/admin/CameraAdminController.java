package dev.vigil.ui.admin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Ids;

/**
 * Admin pages for camera settings. The whole {@code /admin} tree needs the admin role
 * (security configuration); the APIs behind check the admin scope of the token again.
 */
@Controller
@RequestMapping("/admin")
class CameraAdminController {

	private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	CameraAdminController(CatalogClient catalog, CameraDirectory cameras) {
		this.catalog = catalog;
		this.cameras = cameras;
	}

	@GetMapping
	String index() {
		return "redirect:/admin/cameras";
	}

	@GetMapping("/cameras")
	String cameras(Model model) {
		model.addAttribute("cameras", this.cameras.byId().values());
		model.addAttribute("section", "cameras");
		return "admin/cameras";
	}

	@GetMapping("/cameras/{id}")
	String camera(@PathVariable String id, Model model) {
		Camera camera = this.catalog.camera(Ids.require(Ids.CAMERA, id));
		model.addAttribute("camera", camera);
		model.addAttribute("form", CameraForm.of(camera));
		return cameraForm(model);
	}

	@PostMapping("/cameras/{id}")
	String saveCamera(@PathVariable String id, @Valid @ModelAttribute("form") CameraForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Camera camera = this.catalog.camera(Ids.require(Ids.CAMERA, id));
		if (form.timeZone() != null && !form.timeZone().isBlank()
				&& !ZoneId.getAvailableZoneIds().contains(form.timeZone())) {
			errors.rejectValue("timeZone", "zone", "Not a known time zone");
		}
		if (errors.hasErrors()) {
			model.addAttribute("camera", camera);
			return cameraForm(model);
		}
		try {
			this.catalog.updateCamera(camera.id(), form.changes());
		}
		catch (CatalogException ex) {
			if (ex.status() != 400) {
				throw ex;
			}
			refused(ex, errors);
			model.addAttribute("camera", camera);
			return cameraForm(model);
		}
		redirect.addFlashAttribute("notice", "Saved the settings of " + form.name().strip() + ".");
		return "redirect:/admin/cameras";
	}

	/**
	 * catalog-api's refusal, on the form: on the label's confidence field where the
	 * problem names one, else above the form.
	 */
	private static void refused(CatalogException ex, BindingResult errors) {
		for (CatalogException.FieldError error : ex.errors()) {
			String field = formField(error.field());
			if (field != null) {
				errors.rejectValue(field, "refused", error.problem());
			}
			else {
				errors.reject("refused", error.field() + ": " + error.problem());
			}
		}
		if (ex.errors().isEmpty()) {
			errors.reject("refused", "catalog-api refused the settings: " + ex.getMessage());
		}
	}

	private static @Nullable String formField(String apiField) {
		for (String label : Camera.LABELS) {
			if (apiField.contains(label) && apiField.endsWith("inConfidence")) {
				return "min" + Character.toUpperCase(label.charAt(0)) + label.substring(1) + "Confidence";
			}
		}
		return null;
	}

	private String cameraForm(Model model) {
		model.addAttribute("zones", ZONES);
		model.addAttribute("section", "cameras");
		return "admin/camera";
	}

}
