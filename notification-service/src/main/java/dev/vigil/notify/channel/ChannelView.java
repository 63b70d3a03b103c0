package dev.vigil.notify.channel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A channel as the API shows it: the secret only as {@code secretSet}.
 *
 * @param id id
 * @param type type
 * @param name name
 * @param url URL
 * @param topic ntfy topic
 * @param priority ntfy priority
 * @param secretSet whether a signing key or token is stored
 * @param enabled whether it is sent to
 * @param disabledReason why it was disabled
 * @param consecutiveFailures failed attempts since the last success
 * @param createdAt created
 * @param email SMTP server, security, login, sender and recipients of an e-mail channel
 */
public record ChannelView(String id, ChannelType type, String name, String url, @Nullable String topic, int priority,
		boolean secretSet, boolean enabled, @Nullable String disabledReason, int consecutiveFailures, Instant createdAt,
		@Nullable EmailSettings email) {

	static ChannelView of(ChannelConfig channel) {
		return new ChannelView(channel.id(), channel.type(), channel.name(), channel.url(), channel.topic(),
				channel.priority(), channel.encryptedSecret() != null, channel.enabled(), channel.disabledReason(),
				channel.consecutiveFailures(), channel.createdAt(), channel.email());
	}

}
