package dev.vigil.ui.notifications;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.vigil.ui.catalog.CatalogException;
import dev.vigil.ui.web.Ids;

/**
 * The notifications overview (channels and rules), adding a channel, deleting or enabling
 * one again, and "send test".
 */
@Controller
@RequestMapping("/admin/notifications")
class ChannelsController {

	/** Channel and rule ids: notification-service makes UUIDs. */
	static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	static final List<String> TYPES = List.of("WEBHOOK", "NTFY", "EMAIL");

	static final List<String> SMTP_SECURITY = List.of("STARTTLS", "TLS");

	private final NotificationsClient notifications;

	ChannelsController(NotificationsClient notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String overview(Model model) {
		List<NotificationsClient.Channel> channels = this.notifications.channels();
		model.addAttribute("channels", channels);
		model.addAttribute("rules", this.notifications.rules());
		model.addAttribute("channelNames", names(channels));
		model.addAttribute("section", "notifications");
		return "notifications/overview";
	}

	@GetMapping("/channels/new")
	String form(Model model) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("type", "NTFY");
		typed.put("name", "");
		typed.put("url", "https://ntfy.sh");
		typed.put("topic", "");
		typed.put("priority", "4");
		typed.put("smtpHost", "");
		typed.put("smtpPort", "");
		typed.put("smtpSecurity", "STARTTLS");
		typed.put("username", "");
		typed.put("from", "");
		typed.put("to", "");
		return form(model, typed, new FormErrors(), null);
	}

	@PostMapping("/channels/new")
	String create(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String topic,
			@RequestParam(defaultValue = "4") String priority, @RequestParam(defaultValue = "") String secret,
			@RequestParam(defaultValue = "") String smtpHost, @RequestParam(defaultValue = "") String smtpPort,
			@RequestParam(defaultValue = "STARTTLS") String smtpSecurity,
			@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model, RedirectAttributes redirect) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("type", type);
		typed.put("name", name);
		typed.put("url", url.strip());
		typed.put("topic", topic.strip());
		typed.put("priority", priority);
		typed.put("smtpHost", smtpHost.strip());
		typed.put("smtpPort", smtpPort.strip());
		typed.put("smtpSecurity", smtpSecurity);
		typed.put("username", username.strip());
		typed.put("from", from.strip());
		typed.put("to", to.strip());
		FormErrors errors = new FormErrors();
		if (!TYPES.contains(type)) {
			errors.add("type", "Choose webhook, ntfy or e-mail.");
		}
		Integer port = null;
		if ("EMAIL".equals(type)) {
			if (!SMTP_SECURITY.contains(smtpSecurity)) {
				errors.add("smtpSecurity", "Choose STARTTLS or TLS.");
			}
			if (!smtpPort.isBlank()) {
				try {
					port = Integer.valueOf(smtpPort.strip());
				}
				catch (NumberFormatException ex) {
					errors.add("smtpPort", "Port must be a number from 1 to 65535.");
				}
			}
		}
		Integer level = null;
		try {
			level = Integer.valueOf(priority.strip());
		}
		catch (NumberFormatException ex) {
			errors.add("priority", "Priority must be a number from 1 to 5.");
		}
		if (!errors.isEmpty()) {
			return form(model, typed, errors, null);
		}
		Map<String, Object> channel = new LinkedHashMap<>();
		channel.put("type", type);
		channel.put("name", name.strip());
		if ("EMAIL".equals(type)) {
			channel.put("smtpHost", smtpHost.strip());
			if (port != null) {
				channel.put("smtpPort", port);
			}
			channel.put("smtpSecurity", smtpSecurity);
			if (!username.isBlank()) {
				channel.put("username", username.strip());
			}
			channel.put("from", from.strip());
			channel.put("to", recipients(to));
		}
		else {
			channel.put("url", url.strip());
		}
		if ("NTFY".equals(type)) {
			channel.put("topic", topic.strip());
			channel.put("priority", level);
		}
		if (!secret.isEmpty()) {
			channel.put("secret", secret);
		}
		NotificationsClient.Channel created;
		try {
			created = this.notifications.createChannel(channel);
		}
		catch (CatalogException ex) {
			if (!FormErrors.refusal(ex)) {
				throw ex;
			}
			errors.addAll(ex.errors());
			return form(model, typed, errors, ex.errors().isEmpty() ? ex.getMessage() : null);
		}
		redirect.addFlashAttribute("notice",
				"Channel " + created.name() + " added."
						+ (created.secretSet() ? " Its secret is stored encrypted and is never shown again." : "")
						+ " Press Send test to try it.");
		return "redirect:/admin/notifications";
	}

	@PostMapping("/channels/{id}/test")
	String test(@PathVariable String id, RedirectAttributes redirect) {
		String delivery = this.notifications.test(Ids.require(ID, id));
		redirect.addAttribute("channel", id);
		redirect.addAttribute("test", delivery);
		return "redirect:/admin/notifications/deliveries";
	}

	@PostMapping("/channels/{id}/enable")
	String enable(@PathVariable String id, RedirectAttributes redirect) {
		NotificationsClient.Channel channel = this.notifications.enableChannel(Ids.require(ID, id));
		redirect.addFlashAttribute("notice", "Channel " + channel.name() + " is enabled again.");
		return "redirect:/admin/notifications";
	}

	@PostMapping("/channels/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		this.notifications.deleteChannel(Ids.require(ID, id));
		redirect.addFlashAttribute("notice",
				"Channel deleted. Rules that named it must choose another channel " + "before they are saved again.");
		return "redirect:/admin/notifications";
	}

	/** Recipients as typed: one per line or separated by commas. */
	static List<String> recipients(String typed) {
		return Arrays.stream(typed.split("[,;\\s]+")).map(String::strip).filter((a) -> !a.isEmpty()).toList();
	}

	static Map<String, String> names(List<NotificationsClient.Channel> channels) {
		return channels.stream()
			.collect(Collectors.toMap(NotificationsClient.Channel::id, NotificationsClient.Channel::name, (a, b) -> a,
					LinkedHashMap::new));
	}

	static Map<String, String> deliveryNames(List<NotificationsClient.Channel> channels) {
		Map<String, String> names = channels.stream()
			.collect(Collectors.toMap(NotificationsClient.Channel::deliveryName, NotificationsClient.Channel::name,
					(a, b) -> a, LinkedHashMap::new));
		names.put("mqtt", "MQTT");
		return names;
	}

	private String form(Model model, Map<String, String> typed, FormErrors errors, @Nullable String problem) {
		model.addAttribute("form", typed);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("problem", problem);
		model.addAttribute("types", TYPES);
		model.addAttribute("smtpSecurity", SMTP_SECURITY);
		model.addAttribute("section", "notifications");
		return "notifications/new-channel";
	}

}
