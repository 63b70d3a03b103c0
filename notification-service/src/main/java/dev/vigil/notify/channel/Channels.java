package dev.vigil.notify.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.vigil.notify.delivery.Alert;
import dev.vigil.notify.delivery.Channel;
import dev.vigil.notify.delivery.ChannelSource;
import dev.vigil.notify.delivery.Delivery;

/**
 * The configured channels as the dispatcher sees them ({@code channel:<id>}): read fresh
 * for every delivery, SSRF-checked before every request, and disabled with a visible
 * reason after {@code max-failures} consecutive failed attempts.
 */
@Component
class Channels implements ChannelSource {

	static final String PREFIX = "channel:";

	private static final Logger log = LoggerFactory.getLogger(Channels.class);

	private final MongoTemplate mongo;

	private final HttpPush push;

	private final MailPush mail;

	private final SsrfGuard guard;

	private final SecretBox secrets;

	private final ChannelProperties properties;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	Channels(MongoTemplate mongo, HttpPush push, MailPush mail, SsrfGuard guard, SecretBox secrets,
			ChannelProperties properties, JsonMapper json) {
		this.mongo = mongo;
		this.push = push;
		this.mail = mail;
		this.guard = guard;
		this.secrets = secrets;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public Optional<Channel> channel(String name) {
		if (!name.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String id = name.substring(PREFIX.length());
		return Optional.of(new Channel() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Duration maxAge() {
				return Channels.this.properties.maxAge();
			}

			@Override
			public void deliver(Delivery delivery) throws Exception {
				Channels.this.deliver(id, delivery);
			}

		});
	}

	private void deliver(String id, Delivery delivery) throws Exception {
		ChannelConfig channel = this.mongo.findById(id, ChannelConfig.class);
		if (channel == null) {
			throw new Channel.PermanentFailure("the channel was deleted");
		}
		if (!channel.enabled()) {
			throw new Channel.PermanentFailure("the channel is disabled"
					+ ((channel.disabledReason() != null) ? ": " + channel.disabledReason() : ""));
		}
		EmailSettings email = channel.email();
		String refusal = (channel.type() == ChannelType.EMAIL)
				? ((email != null) ? this.guard.hostRefusal(email.host()) : "no SMTP settings")
				: this.guard.refusal(channel.url());
		if (refusal != null) {
			throw new Channel.PermanentFailure("URL refused: " + refusal);
		}
		Alert alert;
		try {
			alert = this.json.readValue(delivery.payload(), Alert.class);
		}
		catch (JacksonException ex) {
			throw new Channel.PermanentFailure("unreadable alert: " + ex.getMessage());
		}
		String secret = (channel.encryptedSecret() != null) ? this.secrets.decrypt(channel.encryptedSecret()) : null;
		try {
			if (channel.type() == ChannelType.EMAIL) {
				this.mail.send(channel, secret, alert);
			}
			else {
				this.push.send(channel, secret, alert);
			}
		}
		catch (Exception ex) {
			failed(channel, ex.getMessage());
			throw ex;
		}
		if (channel.consecutiveFailures() > 0) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("consecutiveFailures", 0),
					ChannelConfig.class);
		}
	}

	private void failed(ChannelConfig channel, String reason) {
		int failures = channel.consecutiveFailures() + 1;
		Update update = Update.update("consecutiveFailures", failures);
		if (failures >= this.properties.maxFailures()) {
			String why = "disabled at " + this.clock.instant() + " after " + failures
					+ " consecutive failed attempts; last: " + reason;
			update.set("enabled", false).set("disabledReason", why);
			log.warn("Channel {} ({}) {}", channel.id(), channel.name(), why);
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(channel.id())), update, ChannelConfig.class);
	}

}
