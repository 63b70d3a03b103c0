package dev.vigil.ui.notifications;

import java.time.DayOfWeek;
import java.util.List;

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
import dev.vigil.ui.web.Ids;
import dev.vigil.ui.web.Times;

/**
 * Add, edit and delete alert rules: which cameras and labels, how sure, when armed, quiet
 * hours, cooldown, which channels.
 */
@Controller
@RequestMapping("/admin/notifications/rules")
class RulesController {

	private final NotificationsClient notifications;

	private final CatalogClient catalog;

	private final Times times;

	RulesController(NotificationsClient notifications, CatalogClient catalog, Times times) {
		this.notifications = notifications;
		this.catalog = catalog;
		this.times = times;
	}

	@GetMapping("/new")
	String add(Model model) {
		return form(model, null, RuleForm.empty(this.times.userZone().getId()), new FormErrors(), null);
	}

	@PostMapping("/new")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		return save(null, RuleForm.from(params), model, redirect);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model) {
		NotificationsClient.Rule rule = this.notifications.rule(Ids.require(ChannelsController.ID, id));
		if (rule.system()) {
			return "redirect:/admin/notifications/system/rules/" + id;
		}
		return form(model, id, RuleForm.of(rule), new FormErrors(), null);
	}

	@PostMapping("/{id}")
	String replace(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		return save(Ids.require(ChannelsController.ID, id), RuleForm.from(params), model, redirect);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		this.notifications.deleteRule(Ids.require(ChannelsController.ID, id));
		redirect.addFlashAttribute("notice", "Rule deleted.");
		return "redirect:/admin/notifications";
	}

	private String save(@Nullable String id, RuleForm form, Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors();
		return RuleSave.save(this.notifications, id, form.request(errors), errors,
				(problem) -> form(model, id, form, errors, problem), (saved) -> {
					redirect.addFlashAttribute("notice", "Rule " + saved.name() + " saved.");
					return "redirect:/admin/notifications";
				});
	}

	private String form(Model model, @Nullable String id, RuleForm form, FormErrors errors, @Nullable String problem) {
		model.addAttribute("ruleId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("problem", problem);
		model.addAttribute("cameras", this.catalog.cameras());
		model.addAttribute("channels", this.notifications.channels());
		model.addAttribute("labels", RuleForm.LABELS);
		model.addAttribute("weekdays", List.of(DayOfWeek.values()));
		model.addAttribute("section", "notifications");
		return "notifications/rule";
	}

}
