package dev.vigil.ui.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.web.Times;

/**
 * Admin pages for integrators' API clients (identity-service's admin API).
 */
@Controller
@RequestMapping("/admin")
class ApiClientAdminController {

	static final List<String> SCOPES = List.of("media:read", "media:write", "admin");

	private final IdentityAdminClient identity;

	private final CameraList cameraList;

	private final Times times;

	ApiClientAdminController(IdentityAdminClient identity, CameraList cameraList, Times times) {
		this.identity = identity;
		this.cameraList = cameraList;
		this.times = times;
	}

	@GetMapping("/clients")
	String clients(Model model) {
		model.addAttribute("clients", this.identity.clients());
		model.addAttribute("scopes", SCOPES);
		model.addAttribute("today", LocalDate.now(this.times.userZone()));
		model.addAttribute("section", "clients");
		return "admin/clients";
	}

	@PostMapping("/clients")
	String createClient(@RequestParam String name, @RequestParam(required = false) @Nullable List<String> scopes,
			@RequestParam(required = false) @Nullable String cameras,
			@RequestParam(required = false) @Nullable String expires, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Set<String> chosen = new LinkedHashSet<>();
		if (scopes != null) {
			scopes.stream().filter(SCOPES::contains).forEach(chosen::add);
		}
		if (name.isBlank() || name.length() > 100 || chosen.isEmpty()) {
			redirect.addFlashAttribute("problem",
					"Give the client a name (up to 100 characters) and at least one scope.");
			return "redirect:/admin/clients";
		}
		String unknown = this.cameraList.unknown(cameras);
		if (unknown != null) {
			return clientFormProblem(unknown, name, chosen, cameras, expires, model);
		}
		LocalDate expiry = null;
		if (expires != null && !expires.isBlank()) {
			try {
				expiry = LocalDate.parse(expires.strip());
			}
			catch (DateTimeParseException ex) {
				return clientFormProblem("\"Expires on\" is not a date (YYYY-MM-DD).", name, chosen, cameras, expires,
						model);
			}
			if (expiry.isBefore(LocalDate.now(this.times.userZone()))) {
				return clientFormProblem(
						"\"Expires on\" is in the past: choose today or a later day, or leave it empty.", name, chosen,
						cameras, expires, model);
			}
		}
		IdentityAdminClient.IssuedClient issued;
		try {
			issued = this.identity.createClient(name.strip(), chosen, CameraList.parse(cameras),
					(expiry != null) ? expiry.plusDays(1).atStartOfDay(this.times.userZone()).toInstant() : null);
		}
		catch (CatalogException ex) {
			if (ex.status() != 400 && ex.status() != 409) {
				throw ex;
			}
			return clientFormProblem("The identity service refused the client: " + ex.getMessage(), name, chosen,
					cameras, expires, model);
		}
		// The secret is on this one page only: no caching, no redirect
		// that could replay it.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("issued", issued);
		model.addAttribute("section", "clients");
		return "admin/client-created";
	}

	/** The client form again, as typed, with the problem above it. */
	private String clientFormProblem(String problem, String name, Set<String> scopes, @Nullable String cameras,
			@Nullable String expires, Model model) {
		model.addAttribute("problem", problem);
		model.addAttribute("draft", new ClientDraft(name, scopes, cameras, expires));
		return clients(model);
	}

	/**
	 * What the admin typed into the client form, kept when it is shown again.
	 *
	 * @param name name
	 * @param scopes chosen scopes
	 * @param cameras camera list as typed
	 * @param expires expiry as typed
	 */
	record ClientDraft(String name, Set<String> scopes, @Nullable String cameras, @Nullable String expires) {

	}

	@PostMapping("/clients/{clientId}/revoke")
	String revokeClient(@PathVariable String clientId, RedirectAttributes redirect) {
		if (clientId.matches("[A-Za-z0-9._-]{1,100}")) {
			this.identity.revokeClient(clientId);
			redirect.addFlashAttribute("notice", "Revoked " + clientId + ": it gets no new tokens.");
		}
		return "redirect:/admin/clients";
	}

}
