package dev.vigil.ui.notifications;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vigil.ui.web.Ids;

/**
 * The delivery log: time, rule, channel, outcome, attempts, latency; after "send test",
 * the test's outcome on top (the page reloads itself while it is pending).
 */
@Controller
@RequestMapping("/admin/notifications/deliveries")
class DeliveriesController {

	/** How often the page reloads itself while a test is pending. */
	static final int MAX_RELOADS = 15;

	private static final Pattern TEST = Pattern.compile("test:[A-Za-z0-9:-]{1,200}");

	private static final int LIMIT = 200;

	private final NotificationsClient notifications;

	DeliveriesController(NotificationsClient notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String log(@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String test, @RequestParam(defaultValue = "0") int n,
			Model model) {
		Ids.optional(ChannelsController.ID, channel);
		Ids.optional(TEST, test);
		List<NotificationsClient.Channel> channels = this.notifications.channels();
		Map<String, String> channelNames = ChannelsController.deliveryNames(channels);
		String filter = (channel != null) ? "channel:" + channel : null;
		List<NotificationsClient.LogEntry> log = this.notifications.deliveries(filter, LIMIT);
		NotificationsClient.LogEntry tested = (test != null)
				? log.stream().filter((entry) -> entry.id().equals(test)).findFirst().orElse(null) : null;
		boolean waiting = test != null && (tested == null || tested.pending()) && n < MAX_RELOADS;
		model.addAttribute("log", log);
		model.addAttribute("channel", channel);
		model.addAttribute("channelName", (filter != null) ? channelNames.getOrDefault(filter, channel) : null);
		model.addAttribute("channelNames", channelNames);
		model.addAttribute("ruleNames", ruleNames());
		model.addAttribute("test", test);
		model.addAttribute("tested", tested);
		model.addAttribute("reload", waiting ? "?channel=" + channel + "&test=" + test + "&n=" + (n + 1) : null);
		model.addAttribute("section", "notifications");
		return "notifications/deliveries";
	}

	private Map<String, String> ruleNames() {
		return this.notifications.rules()
			.stream()
			.collect(Collectors.toMap(NotificationsClient.Rule::id, NotificationsClient.Rule::name, (a, b) -> a));
	}

}
