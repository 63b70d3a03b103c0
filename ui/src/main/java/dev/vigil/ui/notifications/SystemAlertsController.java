package dev.vigil.ui.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * System alerts: each condition's current state (silent cameras, edge backlog and disk,
 * dead letters, services down), the thresholds in force with a form to change them, the
 * watched cameras and services, and the system rules with their form.
 */
@Controller
@RequestMapping("/admin/notifications/system")
class SystemAlertsController {

	private final NotificationsClient notifications;

	private final CatalogClient catalog;

	private final Times times;

	SystemAlertsController(NotificationsClient notifications, CatalogClient catalog, Times times) {
		this.notifications = notifications;
		this.catalog = catalog;
		this.times = times;
	}

	@GetMapping
	String overview(Model model) {
		NotificationsClient.SystemState state = this.notifications.system();
		return page(model, state, ThresholdsForm.of(state.set()), new FormErrors(), null);
	}

	@PostMapping("/thresholds")
	String thresholds(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		ThresholdsForm form = ThresholdsForm.from(params);
		FormErrors errors = new FormErrors();
		Map<String, Object> request = form.request(errors);
		if (request == null) {
			return page(model, this.notifications.system(), form, errors, null);
		}
		try {
			this.notifications.systemThresholds(request);
		}
		catch (CatalogException ex) {
			if (!FormErrors.refusal(ex)) {
				throw ex;
			}
			errors.addAll(ex.errors());
			return page(model, this.notifications.system(), form, errors,
					ex.errors().isEmpty() ? ex.getMessage() : null);
		}
		redirect.addFlashAttribute("notice", "Thresholds saved; they apply from the next check.");
		return "redirect:/admin/notifications/system";
	}

	@GetMapping("/rules/new")
	String add(Model model) {
		return form(model, null, SystemRuleForm.empty(this.times.userZone().getId()), new FormErrors(), null);
	}

	@PostMapping("/rules/new")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		return save(null, SystemRuleForm.from(params), model, redirect);
	}

	@GetMapping("/rules/{id}")
	String edit(@PathVariable String id, Model model) {
		NotificationsClient.Rule rule = this.notifications.rule(Ids.require(ChannelsController.ID, id));
		return form(model, id, SystemRuleForm.of(rule), new FormErrors(), null);
	}

	@PostMapping("/rules/{id}")
	String replace(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		return save(Ids.require(ChannelsController.ID, id), SystemRuleForm.from(params), model, redirect);
	}

	private String save(@Nullable String id, SystemRuleForm form, Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors();
		return RuleSave.save(this.notifications, id, form.request(errors), errors,
				(problem) -> form(model, id, form, errors, problem), (saved) -> {
					redirect.addFlashAttribute("notice", "System rule " + saved.name() + " saved.");
					return "redirect:/admin/notifications/system";
				});
	}

	private String page(Model model, NotificationsClient.SystemState state, ThresholdsForm form, FormErrors errors,
			@Nullable String problem) {
		List<NotificationsClient.Channel> channels = this.notifications.channels();
		Map<String, String> channelNames = new LinkedHashMap<>();
		channels.forEach((c) -> channelNames.put(c.id(), c.name()));
		model.addAttribute("state", state);
		model.addAttribute("failing",
				state.conditions().stream().filter(NotificationsClient.ConditionState::failing).count());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("problem", problem);
		model.addAttribute("rules",
				this.notifications.rules().stream().filter(NotificationsClient.Rule::system).toList());
		model.addAttribute("channelNames", channelNames);
		model.addAttribute("conditionNames", SystemRuleForm.CONDITIONS);
		model.addAttribute("section", "notifications");
		return "notifications/system";
	}

	private String form(Model model, @Nullable String id, SystemRuleForm form, FormErrors errors,
			@Nullable String problem) {
		model.addAttribute("ruleId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("problem", problem);
		model.addAttribute("cameras", this.catalog.cameras());
		model.addAttribute("channels", this.notifications.channels());
		model.addAttribute("conditionNames", SystemRuleForm.CONDITIONS);
		model.addAttribute("section", "notifications");
		return "notifications/system-rule";
	}

}
