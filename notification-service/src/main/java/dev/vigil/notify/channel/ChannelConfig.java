package dev.vigil.notify.channel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A configured push channel.
 *
 * @param id channel id
 * @param type webhook, ntfy or e-mail
 * @param name shown in the UI and the delivery log
 * @param url the webhook URL, the ntfy server's base URL, or {@code smtp://host:port} of
 * an e-mail channel
 * @param topic the ntfy topic
 * @param priority ntfy priority 1-5
 * @param encryptedSecret the webhook signing key, the ntfy access token or the SMTP
 * password, encrypted ({@link SecretBox}); never returned
 * @param enabled whether it is sent to
 * @param disabledReason why it was disabled
 * @param consecutiveFailures failed attempts since the last success
 * @param createdAt when it was created
 * @param email SMTP server, sender and recipients of an e-mail channel
 */
@Document(ChannelConfig.COLLECTION)
record ChannelConfig(@Id String id, ChannelType type, String name, String url, @Nullable String topic, int priority,
		@Nullable String encryptedSecret, boolean enabled, @Nullable String disabledReason, int consecutiveFailures,
		Instant createdAt, @Nullable EmailSettings email) {

	static final String COLLECTION = "channels";

	/** The name deliveries to this channel carry. */
	String deliveryName() {
		return Channels.PREFIX + this.id;
	}

	/** The same channel enabled again, its failures forgotten. */
	ChannelConfig reenabled() {
		return new ChannelConfig(this.id, this.type, this.name, this.url, this.topic, this.priority,
				this.encryptedSecret, true, null, 0, this.createdAt, this.email);
	}

	@Override
	public String toString() {
		return "ChannelConfig[id=" + this.id + ", type=" + this.type + ", url=" + this.url + ", secret=***]";
	}

}
