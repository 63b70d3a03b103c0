package dev.vigil.notify.channel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where an e-mail channel sends. The password is the channel's encrypted secret.
 *
 * @param host SMTP server
 * @param port its port
 * @param security STARTTLS (required) or implicit TLS
 * @param username login, null for a server without auth
 * @param from sender address
 * @param to recipients
 */
public record EmailSettings(String host, int port, SmtpSecurity security, @Nullable String username, String from,
		List<String> to) {

	/** How the channel shows as a URL in the UI and the log. */
	String url() {
		return ((this.security == SmtpSecurity.TLS) ? "smtps://" : "smtp://") + this.host + ":" + this.port;
	}

}
