package dev.vigil.notify.channel;

/**
 * How the connection to an SMTP server is protected. There is no plain-text mode: the
 * message carries snapshots of the user's home and, with auth, a password.
 */
public enum SmtpSecurity {

	/**
	 * Plain connection upgraded with STARTTLS (usually port 587); a server that does not
	 * offer STARTTLS is refused, never talked to in plain text.
	 */
	STARTTLS,

	/** TLS from the first byte (SMTPS, usually port 465). */
	TLS;

	int defaultPort() {
		return (this == TLS) ? 465 : 587;
	}

}
