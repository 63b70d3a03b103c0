package dev.vigil.ui.admin;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vigil.ui.catalog.AuditEntry;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.catalog.Page;
import dev.vigil.ui.web.Ids;

/**
 * Admin page for the audit log: the catalog's and identity-service's entries together.
 */
@Controller
@RequestMapping("/admin")
class AuditController {

	/** A source's cursor once it has nothing older. */
	static final String NO_MORE = "none";

	private final CatalogClient catalog;

	private final IdentityAdminClient identity;

	AuditController(CatalogClient catalog, IdentityAdminClient identity) {
		this.catalog = catalog;
		this.identity = identity;
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
		Map<String, String> clients = clientNames();
		List<AuditRow> rows = Stream.concat(catalogPage.items().stream(), accountPage.items().stream())
			.sorted(Comparator.comparing(AuditEntry::at).reversed())
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

	/** API client names by id, so the audit log names clients as people know them. */
	private Map<String, String> clientNames() {
		try {
			Map<String, String> names = new HashMap<>();
			this.identity.clients().forEach((client) -> names.put(client.clientId(), client.name()));
			return names;
		}
		catch (CatalogException ex) {
			return Map.of();
		}
	}

}
