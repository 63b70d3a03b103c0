package dev.vigil.ui.admin;

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

/**
 * Admin pages for users (identity-service's admin API).
 */
@Controller
@RequestMapping("/admin")
class UserAdminController {

	static final List<String> ROLES = List.of("viewer", "admin");

	private final IdentityAdminClient identity;

	private final CameraList cameraList;

	UserAdminController(IdentityAdminClient identity, CameraList cameraList) {
		this.identity = identity;
		this.cameraList = cameraList;
	}

	@GetMapping("/users")
	String users(Model model) {
		try {
			model.addAttribute("users", this.identity.users());
		}
		catch (CatalogException ex) {
			if (ex.status() == 403) {
				throw ex;
			}
			model.addAttribute("users", List.of());
			model.addAttribute("usersProblem", (ex.status() == 404)
					? "This identity provider does not offer user administration here: manage users in its own console."
					: "The identity service could not list users (" + ex.status() + ").");
		}
		model.addAttribute("roles", ROLES);
		model.addAttribute("section", "users");
		return "admin/users";
	}

	@PostMapping("/users")
	String createUser(@RequestParam String username, @RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(required = false) @Nullable String cameras, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Set<String> chosen = new LinkedHashSet<>();
		if (roles != null) {
			roles.stream().filter(ROLES::contains).forEach(chosen::add);
		}
		if (!username.strip().matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}") || chosen.isEmpty()) {
			redirect.addFlashAttribute("problem",
					"Give the user a name (1 to 64 letters, digits, . _ @ -) and at least one role.");
			return "redirect:/admin/users";
		}
		String unknown = this.cameraList.unknown(cameras);
		if (unknown != null) {
			redirect.addFlashAttribute("problem", unknown);
			return "redirect:/admin/users";
		}
		IdentityAdminClient.CreatedUser created;
		try {
			created = this.identity.createUser(username.strip(), chosen, CameraList.parse(cameras));
		}
		catch (CatalogException ex) {
			if (ex.status() != 400 && ex.status() != 409) {
				throw ex;
			}
			// e.g. the name is taken: say so on the form instead of an error page.
			redirect.addFlashAttribute("problem", "The identity service refused the new user: " + ex.getMessage());
			return "redirect:/admin/users";
		}
		// The initial password is on this one page only, like a client secret.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("created", created);
		model.addAttribute("section", "users");
		return "admin/user-created";
	}

	@PostMapping("/users/{username}")
	String saveUser(@PathVariable String username, @RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(required = false) @Nullable String cameras, RedirectAttributes redirect) {
		if (!username.matches("[A-Za-z0-9._@-]{1,100}")) {
			return "redirect:/admin/users";
		}
		Set<String> chosen = new LinkedHashSet<>();
		if (roles != null) {
			roles.stream().filter(ROLES::contains).forEach(chosen::add);
		}
		String unknown = this.cameraList.unknown(cameras);
		if (unknown != null) {
			redirect.addFlashAttribute("problem", unknown);
			return "redirect:/admin/users";
		}
		this.identity.updateUser(username, chosen, CameraList.parse(cameras));
		redirect.addFlashAttribute("notice", "Updated " + username + ".");
		return "redirect:/admin/users";
	}

}
