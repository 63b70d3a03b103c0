package dev.vigil.notify.channel;

/**
 * Kinds of push channel.
 */
public enum ChannelType {

	/** JSON POST signed with HMAC-SHA256 over timestamp and body. */
	WEBHOOK,

	/** A topic on an ntfy server, per its HTTP publish API. */
	NTFY,

	/** E-mail over SMTP with STARTTLS or implicit TLS, the snapshot inline. */
	EMAIL

}
