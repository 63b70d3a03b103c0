package dev.vigil.ui.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.catalog.Review;
import dev.vigil.ui.catalog.AuditEntry;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * Admin pages. The whole {@code /admin} tree needs the admin role (security
 * configuration); the APIs behind check the admin scope of the token again.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

	static final List<String> SCOPES = List.of("media:read", "media:write", "admin");

	static final List<String> ROLES = List.of("viewer", "admin");

	private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	private final IdentityAdminClient identity;

	private final Times times;

	AdminController(CatalogClient catalog, CameraDirectory cameras, IdentityAdminClient identity, Times times) {
		this.catalog = catalog;
		this.cameras = cameras;
		this.identity = identity;
		this.times = times;
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
		this.catalog.updateCamera(camera.id(), form.changes());
		redirect.addFlashAttribute("notice", "Saved the settings of " + form.name().strip() + ".");
		return "redirect:/admin/cameras";
	}

	private String cameraForm(Model model) {
		model.addAttribute("zones", ZONES);
		model.addAttribute("section", "cameras");
		return "admin/camera";
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
		String unknown = unknownCameras(cameras);
		if (unknown != null) {
			redirect.addFlashAttribute("problem", unknown);
			return "redirect:/admin/users";
		}
		IdentityAdminClient.CreatedUser created;
		try {
			created = this.identity.createUser(username.strip(), chosen, cameraList(cameras));
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
		String unknown = unknownCameras(cameras);
		if (unknown != null) {
			redirect.addFlashAttribute("problem", unknown);
			return "redirect:/admin/users";
		}
		this.identity.updateUser(username, chosen, cameraList(cameras));
		redirect.addFlashAttribute("notice", "Updated " + username + ".");
		return "redirect:/admin/users";
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
		String unknown = unknownCameras(cameras);
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
			issued = this.identity.createClient(name.strip(), chosen, cameraList(cameras),
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

	/**
	 * The catalog's entries and identity-service's account entries, newest first. Each
	 * source pages with its own cursor ({@code cursor}, {@code accountCursor};
	 * {@value #NO_MORE} once it has no more), so no entry is left out or repeated.
	 */
	@GetMapping("/audit")
	String audit(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String accountCursor, Model model) {
		String filter = (action != null && action.matches("[a-z][a-z.-]{0,63}")) ? action : null;
		boolean accountAction = filter != null && AuditRow.ACCOUNT_ACTIONS.containsKey(filter);
		Page<AuditEntry> catalogPage = (accountAction || NO_MORE.equals(cursor)) ? Page.empty()
				: this.catalog.audit(filter, Ids.optional(Ids.CURSOR, cursor), 50);
		Page<AuditEntry> accountPage = Page.empty();
		if ((filter == null || accountAction) && !NO_MORE.equals(accountCursor)) {
			try {
				accountPage = this.identity.audit(filter, Ids.optional(Ids.CURSOR, accountCursor), 50);
			}
			catch (ClientAuthorizationRequiredException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				model.addAttribute("accountProblem", "Account entries (sign-ins, lock-outs, password changes) "
						+ "could not be read from the sign-in service; showing the catalog's entries only.");
			}
		}
		java.util.Map<String, String> clients = clientNames();
		List<AuditRow> rows = java.util.stream.Stream.concat(catalogPage.items().stream(), accountPage.items().stream())
			.sorted(java.util.Comparator.comparing(AuditEntry::at).reversed())
			.map((entry) -> AuditRow.of(entry, clients))
			.toList();
		model.addAttribute("entries", rows);
		model.addAttribute("actions", AuditRow.ACTIONS);
		model.addAttribute("action", filter);
		boolean more = catalogPage.nextCursor() != null || accountPage.nextCursor() != null;
		model.addAttribute("nextCursor", more ? Objects.requireNonNullElse(catalogPage.nextCursor(), NO_MORE) : null);
		model.addAttribute("nextAccountCursor",
				more ? Objects.requireNonNullElse(accountPage.nextCursor(), NO_MORE) : null);
		model.addAttribute("section", "audit");
		return "admin/audit";
	}

	/** A source's cursor once it has nothing older. */
	static final String NO_MORE = "none";

	/** API client names by id, so the audit log names clients as people know them. */
	private java.util.Map<String, String> clientNames() {
		try {
			java.util.Map<String, String> names = new java.util.HashMap<>();
			this.identity.clients().forEach((client) -> names.put(client.clientId(), client.name()));
			return names;
		}
		catch (CatalogException ex) {
			return java.util.Map.of();
		}
	}

	/** A message naming the cameras of a list that do not exist, or null when all do. */
	private @Nullable String unknownCameras(@Nullable String cameras) {
		List<String> ids = cameraList(cameras);
		if (ids == null) {
			return null;
		}
		Set<String> known = new TreeSet<>(this.cameras.byId().keySet());
		List<String> unknown = ids.stream().filter((id) -> !known.contains(id)).toList();
		if (unknown.isEmpty()) {
			return null;
		}
		return "No such camera: " + String.join(", ", unknown) + ". Known cameras: "
				+ (known.isEmpty() ? "none yet" : String.join(", ", known)) + ".";
	}

	private static @Nullable List<String> cameraList(@Nullable String cameras) {
		if (cameras == null || cameras.isBlank()) {
			return null;
		}
		List<String> ids = Arrays.stream(cameras.split("[,\\s]+")).filter((id) -> !id.isBlank()).toList();
		return ids;
	}

}
