package dev.vigil.notify.channel;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChanged;
import dev.vigil.contracts.Snapshot;
import dev.vigil.notify.Links;
import dev.vigil.notify.delivery.Alert;
import dev.vigil.notify.delivery.Channel;
import dev.vigil.notify.delivery.SystemNotice;
import dev.vigil.notify.snapshot.SnapshotStore;

/**
 * Sends an alert as e-mail over SMTP: STARTTLS required (a server that does not offer it
 * is refused, nothing goes out in plain text) or implicit TLS, the server's certificate
 * and host name checked unless the host is in {@code smtp-trusted-hosts}. The message is
 * HTML with a plain-text alternative and the snapshot inline ({@code cid:snapshot}). A
 * 4xx reply, a timeout or a connection error is retried; a 5xx reply, a refused login or
 * a missing STARTTLS fails for good.
 */
@Component
class MailPush {

	static final String SNAPSHOT_CID = "snapshot";

	private static final Logger log = LoggerFactory.getLogger(MailPush.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

	private final ChannelProperties properties;

	private final SnapshotStore snapshots;

	private final Links links;

	MailPush(ChannelProperties properties, SnapshotStore snapshots, Links links) {
		this.properties = properties;
		this.snapshots = snapshots;
		this.links = links;
	}

	void send(ChannelConfig channel, @Nullable String password, Alert alert) throws Exception {
		EmailSettings email = channel.email();
		if (email == null) {
			throw new Channel.PermanentFailure("the e-mail channel has no SMTP settings");
		}
		Session session = Session.getInstance(session(email));
		MimeMessage message = message(session, email, alert);
		String protocol = (email.security() == SmtpSecurity.TLS) ? "smtps" : "smtp";
		try (Transport transport = session.getTransport(protocol)) {
			transport.connect(email.host(), email.port(), email.username(),
					(email.username() != null) ? password : null);
			transport.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw classified(email, ex);
		}
	}

	private Properties session(EmailSettings email) {
		String p = (email.security() == SmtpSecurity.TLS) ? "mail.smtps." : "mail.smtp.";
		Properties mail = new Properties();
		mail.put(p + "connectiontimeout", String.valueOf(this.properties.connectTimeout().toMillis()));
		mail.put(p + "timeout", String.valueOf(this.properties.requestTimeout().toMillis()));
		mail.put(p + "writetimeout", String.valueOf(this.properties.requestTimeout().toMillis()));
		mail.put(p + "auth", String.valueOf(email.username() != null));
		if (email.security() == SmtpSecurity.STARTTLS) {
			mail.put(p + "starttls.enable", "true");
			mail.put(p + "starttls.required", "true");
		}
		boolean trusted = this.properties.smtpTrustedHosts()
			.stream()
			.anyMatch((host) -> host.equalsIgnoreCase(email.host()));
		if (trusted) {
			// An admin's choice for a LAN relay with a self-signed certificate.
			mail.put(p + "ssl.trust", email.host());
			mail.put(p + "ssl.checkserveridentity", "false");
		}
		else {
			mail.put(p + "ssl.checkserveridentity", "true");
		}
		return mail;
	}

	MimeMessage message(Session session, EmailSettings email, Alert alert) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(email.from());
		helper.setTo(email.to().toArray(String[]::new));
		helper.setSubject(subject(alert));
		MotionEventChanged event = alert.event();
		byte[] jpeg = (event != null) ? snapshot(event, alert.label()) : null;
		helper.setText(plain(alert), html(alert, jpeg != null));
		if (jpeg != null) {
			helper.addInline(SNAPSHOT_CID, new ByteArrayResource(jpeg), "image/jpeg");
		}
		return message;
	}

	String subject(Alert alert) {
		if (alert.system() != null) {
			return "Vigil: " + alert.system().summary();
		}
		MotionEventChanged event = alert.event();
		if (alert.test() || event == null) {
			return "Vigil test: this channel works";
		}
		return "Vigil: " + capitalised(alert.label()) + " on " + event.cameraId() + " at " + time(alert, event);
	}

	private String plain(Alert alert) {
		SystemNotice system = alert.system();
		if (system != null) {
			return system.summary() + ".\n" + system.detail() + "\nSince "
					+ TIME.format(system.since().atZone(zone(alert))) + ", rule " + alert.ruleName() + ".\n";
		}
		MotionEventChanged event = alert.event();
		if (alert.test() || event == null) {
			return "A test from Vigil: this e-mail channel works.\n";
		}
		return capitalised(alert.label()) + " (" + percent(alert) + ") on camera " + event.cameraId() + " at "
				+ time(alert, event) + ".\nRule: " + alert.ruleName() + "\n\nOpen the event: "
				+ this.links.event(event.motionEventId()) + "\n";
	}

	private String html(Alert alert, boolean withSnapshot) {
		SystemNotice system = alert.system();
		if (system != null) {
			return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h2>"
					+ HtmlUtils.htmlEscape(system.summary()) + "</h2><p>" + HtmlUtils.htmlEscape(system.detail())
					+ "</p><p>Since " + HtmlUtils.htmlEscape(TIME.format(system.since().atZone(zone(alert))))
					+ ", rule " + HtmlUtils.htmlEscape(alert.ruleName()) + ".</p></body></html>";
		}
		MotionEventChanged event = alert.event();
		if (alert.test() || event == null) {
			return "<!DOCTYPE html><html><body><p>A test from Vigil: this e-mail channel works.</p></body></html>";
		}
		String link = HtmlUtils.htmlEscape(this.links.event(event.motionEventId()));
		return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">" + "<h2>"
				+ HtmlUtils.htmlEscape(capitalised(alert.label())) + " on " + HtmlUtils.htmlEscape(event.cameraId())
				+ "</h2><p>" + HtmlUtils.htmlEscape(percent(alert)) + " at " + HtmlUtils.htmlEscape(time(alert, event))
				+ ", rule " + HtmlUtils.htmlEscape(alert.ruleName()) + ".</p>"
				+ (withSnapshot ? "<p><a href=\"" + link + "\"><img src=\"cid:" + SNAPSHOT_CID
						+ "\" alt=\"Snapshot\" style=\"max-width:100%\"></a></p>" : "")
				+ "<p><a href=\"" + link + "\">Open the event in Vigil</a></p></body></html>";
	}

	/** The label's best thumbnail, or the event's; none when the store has lost it. */
	private byte @Nullable [] snapshot(MotionEventChanged event, String label) {
		Snapshot snapshot = event.label(label).map(LabelScore::snapshot).orElse(event.snapshot());
		if (snapshot == null) {
			return null;
		}
		try {
			Optional<byte[]> jpeg = this.snapshots.read(snapshot);
			return jpeg.orElse(null);
		}
		catch (IOException ex) {
			// The alert matters more than its picture: the link still leads to it.
			log.info("Sending the e-mail for {} without its snapshot: {}", event.motionEventId(), ex.getMessage());
			return null;
		}
	}

	private static String time(Alert alert, MotionEventChanged event) {
		return TIME.format(event.start().atZone(zone(alert)));
	}

	private static ZoneId zone(Alert alert) {
		if (alert.timeZone() != null) {
			try {
				return ZoneId.of(alert.timeZone());
			}
			catch (DateTimeException ex) {
				return ZoneOffset.UTC;
			}
		}
		return ZoneOffset.UTC;
	}

	private static String percent(Alert alert) {
		return Math.round(alert.score() * 100) + "%";
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * A 5xx reply, a refused login or no STARTTLS cannot heal by itself; the rest may.
	 */
	static Exception classified(EmailSettings email, MessagingException ex) {
		String where = "smtp " + email.host() + ":" + email.port() + ": ";
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof AuthenticationFailedException) {
				return new Channel.PermanentFailure(where + "login refused (" + message(cause) + ")");
			}
			Integer code = (cause instanceof SMTPSendFailedException sent) ? Integer.valueOf(sent.getReturnCode())
					: (cause instanceof SMTPAddressFailedException address) ? Integer.valueOf(address.getReturnCode())
							: null;
			if (code != null && code >= 500) {
				return new Channel.PermanentFailure(where + "refused with " + message(cause));
			}
			if (code != null && code >= 400) {
				return new IOException(where + "deferred with " + message(cause), ex);
			}
			if (message(cause).contains("STARTTLS is required")) {
				return new Channel.PermanentFailure(
						where + "the server does not offer STARTTLS; nothing was sent in plain text");
			}
		}
		return new IOException(where + message(ex), ex);
	}

	private static @Nullable Throwable next(Throwable cause) {
		if (cause instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != cause) {
			return messaging.getNextException();
		}
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

	private static String message(Throwable ex) {
		String text = (ex.getMessage() != null) ? ex.getMessage().strip() : ex.getClass().getSimpleName();
		return text.replaceAll("\\s+", " ");
	}

}
