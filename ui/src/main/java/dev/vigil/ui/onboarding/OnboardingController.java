package dev.vigil.ui.onboarding;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * Add a camera, show what to type into it, wait for its first upload; reset its password,
 * disable or delete it; list the edge nodes.
 */
@Controller
@RequestMapping("/admin")
class OnboardingController {

	static final List<String> PROTOCOLS = List.of("FTP", "FTPS", "SFTP");

	private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

	private final OnboardingClient onboarding;

	private final CatalogClient catalog;

	private final Times times;

	OnboardingController(OnboardingClient onboarding, CatalogClient catalog, Times times) {
		this.onboarding = onboarding;
		this.catalog = catalog;
		this.times = times;
	}

	@GetMapping("/cameras/new")
	String form(Model model) {
		return form(model, "", null, "FTP", this.times.userZone().getId(), "", null);
	}

	@PostMapping("/cameras/new")
	String add(@RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable String edgeNodeId,
			@RequestParam(defaultValue = "FTP") String protocol, @RequestParam(defaultValue = "") String timeZone,
			@RequestParam(defaultValue = "") String allowedSources, Model model, HttpServletResponse response) {
		String problem = null;
		if (name.isBlank() || name.strip().length() > 100) {
			problem = "Give the camera a name (1 to 100 characters).";
		}
		else if (edgeNodeId == null || !Ids.CAMERA.matcher(edgeNodeId).matches()) {
			problem = "Choose the edge node the camera uploads to.";
		}
		else if (!PROTOCOLS.contains(protocol)) {
			problem = "Choose FTP, FTPS or SFTP.";
		}
		else if (!timeZone.isBlank() && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
			problem = "Not a known time zone: " + timeZone;
		}
		if (problem != null) {
			return form(model, name, edgeNodeId, protocol, timeZone, allowedSources, problem);
		}
		Map<String, Object> camera = new LinkedHashMap<>();
		camera.put("name", name.strip());
		camera.put("edgeNodeId", edgeNodeId);
		camera.put("protocol", protocol);
		camera.put("timeZone", timeZone.isBlank() ? "UTC" : timeZone);
		camera.put("allowedSources", sources(allowedSources));
		OnboardingClient.Added added;
		try {
			added = this.onboarding.add(camera);
		}
		catch (CatalogException ex) {
			if (ex.status() == 403 || ex.status() >= 500) {
				throw ex;
			}
			return form(model, name, edgeNodeId, protocol, timeZone, allowedSources, ex.getMessage());
		}
		return card(model, added.setup(), added.password(), null, response);
	}

	@GetMapping("/cameras/{id}/setup")
	String setup(@PathVariable String id, Model model, RedirectAttributes redirect) {
		OnboardingClient.Setup setup;
		try {
			setup = this.onboarding.setup(Ids.require(Ids.CAMERA, id));
		}
		catch (CatalogException ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", "Camera " + id + " registered itself with its first upload: "
					+ "its login lives on the edge, not here. Add it as a camera to manage it from this page.");
			return "redirect:/admin/cameras";
		}
		Camera camera = this.catalog.camera(id);
		model.addAttribute("lastUploadAt", camera.lastUploadAt());
		model.addAttribute("lastUpload", this.times.dateTime(camera.lastUploadAt(), camera));
		return card(model, setup, null, this.onboarding.state(id), null);
	}

	@PostMapping("/cameras/{id}/password")
	String resetPassword(@PathVariable String id, Model model, HttpServletResponse response) {
		OnboardingClient.Added reset = this.onboarding.resetPassword(Ids.require(Ids.CAMERA, id));
		return card(model, reset.setup(), reset.password(), null, response);
	}

	@PostMapping("/cameras/{id}/enabled")
	String setEnabled(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.onboarding.setEnabled(Ids.require(Ids.CAMERA, id), enabled);
		redirect.addFlashAttribute("notice", enabled ? "Camera " + id + " is enabled again: it can log in."
				: "Camera " + id + " is disabled: its edge refuses its logins. Its media stays.");
		return "redirect:/admin/cameras/" + id + "/setup";
	}

	@PostMapping("/cameras/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleteMedia,
			RedirectAttributes redirect) {
		OnboardingClient.Deleted deleted = this.onboarding.delete(Ids.require(Ids.CAMERA, id), deleteMedia);
		String media = deleted.deleteMedia() ? deleted.mediaDeleted() + " media item(s) deleted"
				+ ((deleted.mediaKeptOnHold() > 0) ? ", " + deleted.mediaKeptOnHold() + " kept on legal hold" : "")
				: "its media is kept";
		redirect.addFlashAttribute("notice", "Deleted camera " + id + "; " + media + ".");
		return "redirect:/admin/cameras";
	}

	/** Polled by the settings card until the camera's first upload has arrived. */
	@GetMapping(path = "/cameras/{id}/first-upload", produces = "application/json")
	@ResponseBody
	FirstUpload firstUpload(@PathVariable String id) {
		Camera camera = this.catalog.camera(Ids.require(Ids.CAMERA, id));
		Instant last = camera.lastUploadAt();
		return new FirstUpload(last != null, (last != null) ? this.times.dateTime(last, camera) : null);
	}

	@GetMapping("/edges")
	String edges(Model model) {
		model.addAttribute("edges", this.onboarding.edges());
		model.addAttribute("section", "edges");
		return "onboarding/edges";
	}

	private String form(Model model, String name, @Nullable String edgeNodeId, String protocol, String timeZone,
			String allowedSources, @Nullable String problem) {
		List<OnboardingClient.Edge> edges = this.onboarding.edges();
		model.addAttribute("edges", edges);
		model.addAttribute("name", name);
		model.addAttribute("edgeNodeId",
				(edgeNodeId != null) ? edgeNodeId
						: edges.stream()
							.filter(OnboardingClient.Edge::online)
							.map(OnboardingClient.Edge::id)
							.findFirst()
							.orElse(""));
		model.addAttribute("protocol", protocol);
		model.addAttribute("timeZone", timeZone);
		model.addAttribute("allowedSources", allowedSources);
		model.addAttribute("zones", ZONES);
		model.addAttribute("protocols", PROTOCOLS);
		model.addAttribute("problem", problem);
		model.addAttribute("section", "cameras");
		return "onboarding/new-camera";
	}

	private String card(Model model, OnboardingClient.Setup setup, @Nullable String password,
			OnboardingClient.@Nullable CameraState camera, @Nullable HttpServletResponse response) {
		if (response != null) {
			// The page holds a password: never from a cache, never from history.
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		model.addAttribute("setup", setup);
		model.addAttribute("password", password);
		model.addAttribute("camera", camera);
		model.addAttribute("enabled", camera == null || camera.isEnabled());
		model.addAttribute("hints", VendorHint.ALL);
		model.addAttribute("section", "cameras");
		return "onboarding/camera-setup";
	}

	private static List<String> sources(String text) {
		return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter((source) -> !source.isEmpty()).toList();
	}

	/**
	 * Whether a camera's first upload has arrived.
	 *
	 * @param arrived true once anything arrived
	 * @param at when the latest upload arrived, formatted for the page
	 */
	record FirstUpload(boolean arrived, @Nullable String at) {

	}

}
