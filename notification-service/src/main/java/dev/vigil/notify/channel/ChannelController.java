package dev.vigil.notify.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.notify.delivery.Alert;
import dev.vigil.notify.delivery.Delivery;
import dev.vigil.notify.delivery.DeliveryQueue;
import dev.vigil.notify.web.ApiException;
import dev.vigil.notify.web.ApiException.FieldError;

/**
 * {@code /api/v1/notifications/channels}: create, list, delete, enable again, send a
 * test. Secrets go in once and never come back out.
 */
@RestController
@RequestMapping("/api/v1/notifications/channels")
class ChannelController {

	private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final MongoTemplate mongo;

	private final SsrfGuard guard;

	private final SecretBox secrets;

	private final DeliveryQueue queue;

	private final JsonMapper json;

	private final EmailRequests emails;

	private final Clock clock = Clock.systemUTC();

	ChannelController(MongoTemplate mongo, SsrfGuard guard, SecretBox secrets, DeliveryQueue queue, JsonMapper json,
			EmailRequests emails) {
		this.mongo = mongo;
		this.emails = emails;
		this.guard = guard;
		this.secrets = secrets;
		this.queue = queue;
		this.json = json;
	}

	/**
	 * A new channel.
	 *
	 * @param type {@code WEBHOOK}, {@code NTFY} or {@code EMAIL}
	 * @param name shown in the UI
	 * @param url webhook URL, or the ntfy server (e.g. {@code https://ntfy.sh}); not used
	 * by e-mail
	 * @param topic ntfy topic
	 * @param priority ntfy priority 1 (min) to 5 (urgent), default 4
	 * @param secret webhook signing key (at least 16 characters), ntfy access token or
	 * SMTP password
	 * @param smtpHost e-mail: the SMTP server
	 * @param smtpPort e-mail: its port, default 587 (STARTTLS) or 465 (TLS)
	 * @param smtpSecurity e-mail: {@code STARTTLS} (default) or {@code TLS}
	 * @param username e-mail: SMTP login, absent for a server without auth
	 * @param from e-mail: sender address
	 * @param to e-mail: 1-10 recipient addresses
	 */
	record ChannelRequest(@Nullable ChannelType type, @Nullable String name, @Nullable String url,
			@Nullable String topic, @Nullable Integer priority, @Nullable String secret, @Nullable String smtpHost,
			@Nullable Integer smtpPort, @Nullable SmtpSecurity smtpSecurity, @Nullable String username,
			@Nullable String from, @Nullable List<String> to) {

		@Override
		public String toString() {
			return "ChannelRequest[type=" + this.type + ", url=" + this.url + ", smtpHost=" + this.smtpHost
					+ ", secret=***]";
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ChannelView create(@RequestBody ChannelRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.type() == null) {
			errors.add(new FieldError("type", "is required (WEBHOOK, NTFY or EMAIL)"));
		}
		if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
			errors.add(new FieldError("name", "must be 1-100 characters"));
		}
		EmailSettings email = null;
		String url;
		if (request.type() == ChannelType.EMAIL) {
			email = this.emails.validated(request, errors);
			url = (email != null) ? email.url() : "";
		}
		else {
			url = request.url();
			if (url == null || url.length() > 2000) {
				errors.add(new FieldError("url", "is required, at most 2000 characters"));
			}
			else {
				String refusal = this.guard.refusal(url);
				if (refusal != null) {
					errors.add(new FieldError("url", refusal));
				}
			}
		}
		int priority = (request.priority() != null) ? request.priority() : 4;
		if (request.type() == ChannelType.NTFY) {
			if (request.topic() == null || !TOPIC.matcher(request.topic()).matches()) {
				errors.add(new FieldError("topic", "is required for ntfy: 1-64 letters, digits, '_' or '-'"));
			}
			if (priority < 1 || priority > 5) {
				errors.add(new FieldError("priority", "must be 1-5"));
			}
		}
		if (request.type() == ChannelType.WEBHOOK
				&& (request.secret() == null || request.secret().length() < 16 || request.secret().length() > 256)) {
			errors.add(new FieldError("secret", "is required for a webhook: 16-256 characters (the HMAC key)"));
		}
		if (request.secret() != null && request.secret().length() > 256) {
			errors.add(new FieldError("secret", "must be at most 256 characters"));
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		ChannelConfig channel = new ChannelConfig(UUID.randomUUID().toString(), request.type(), request.name().strip(),
				url, (request.type() == ChannelType.NTFY) ? request.topic() : null, priority,
				(request.secret() != null && !request.secret().isEmpty()) ? this.secrets.encrypt(request.secret())
						: null,
				true, null, 0, this.clock.instant(), email);
		this.mongo.insert(channel);
		return ChannelView.of(channel);
	}

	@GetMapping
	List<ChannelView> list() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), ChannelConfig.class)
			.stream()
			.map(ChannelView::of)
			.toList();
	}

	@GetMapping("/{id}")
	ChannelView get(@PathVariable String id) {
		return ChannelView.of(find(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		this.mongo.remove(find(id));
	}

	@PostMapping("/{id}/enable")
	ChannelView enable(@PathVariable String id) {
		ChannelConfig enabled = find(id).reenabled();
		this.mongo.save(enabled);
		return ChannelView.of(enabled);
	}

	/**
	 * Queues a test alert; its outcome shows in the delivery log under the returned id.
	 */
	@PostMapping("/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> test(@PathVariable String id) {
		ChannelConfig channel = find(id);
		String deliveryId = "test:" + channel.id() + ":" + UUID.randomUUID();
		Alert alert = new Alert(null, "Test", "test", 1.0, null, true, null, null);
		var now = this.clock.instant();
		this.queue.enqueue(Delivery.pending(deliveryId, channel.deliveryName(), null, Alert.KIND, "test", "test", 0,
				this.json.writeValueAsString(alert), now, now));
		return Map.of("deliveryId", deliveryId);
	}

	private ChannelConfig find(String id) {
		ChannelConfig channel = this.mongo.findById(id, ChannelConfig.class);
		if (channel == null) {
			throw ApiException.notFound("channel", id);
		}
		return channel;
	}

}
