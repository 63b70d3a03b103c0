package dev.vigil.ui.notifications;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.vigil.ui.catalog.CatalogException;

/**
 * Saves a rule form (motion or system rule) through notification-service: the form's own
 * errors, or the service's refusal, go back to the form; anything else propagates.
 */
final class RuleSave {

	/** Shows the form again with the errors collected so far and an optional problem. */
	interface Back {

		String form(@Nullable String problem);

	}

	private RuleSave() {
	}

	/**
	 * @param id the rule to replace, {@code null} to create one
	 * @param request the form as the API takes it, {@code null} when the form has errors
	 * @param errors the form's errors; the service's refusals are added to them
	 * @param back shows the form again
	 * @param saved what to answer once saved (a redirect)
	 */
	static String save(NotificationsClient notifications, @Nullable String id, @Nullable Map<String, Object> request,
			FormErrors errors, Back back, Function<NotificationsClient.Rule, String> saved) {
		if (request == null) {
			return back.form(null);
		}
		NotificationsClient.Rule rule;
		try {
			rule = (id == null) ? notifications.createRule(request) : notifications.replaceRule(id, request);
		}
		catch (CatalogException ex) {
			if (!FormErrors.refusal(ex)) {
				throw ex;
			}
			errors.addAll(ex.errors());
			return back.form(ex.errors().isEmpty() ? ex.getMessage() : null);
		}
		return saved.apply(rule);
	}

}
