package dev.vigil.notify.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.vigil.notify.web.ApiException.FieldError;

/**
 * Checks the e-mail fields of a new channel: a host that passes the SSRF guard, a port,
 * plain addresses only (no display names, no line breaks that could add headers), 1-10
 * recipients, and a password whenever a login is given.
 */
@Component
class EmailRequests {

	static final int MAX_RECIPIENTS = 10;

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

	private final SsrfGuard guard;

	EmailRequests(SsrfGuard guard) {
		this.guard = guard;
	}

	/**
	 * @param request the request
	 * @param errors where problems are added
	 * @return the settings, or null when a field is wrong
	 */
	@Nullable EmailSettings validated(ChannelController.ChannelRequest request, List<FieldError> errors) {
		int before = errors.size();
		String host = (request.smtpHost() != null) ? request.smtpHost().strip() : "";
		if (!HOST.matcher(host).matches()) {
			errors.add(new FieldError("smtpHost", "is required for e-mail: the SMTP server's host name"));
		}
		else {
			String refusal = this.guard.hostRefusal(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
			if (refusal != null) {
				errors.add(new FieldError("smtpHost", refusal));
			}
		}
		SmtpSecurity security = (request.smtpSecurity() != null) ? request.smtpSecurity() : SmtpSecurity.STARTTLS;
		int port = (request.smtpPort() != null) ? request.smtpPort() : security.defaultPort();
		if (port < 1 || port > 65535) {
			errors.add(new FieldError("smtpPort", "must be 1-65535"));
		}
		String username = (request.username() != null && !request.username().isBlank()) ? request.username().strip()
				: null;
		if (username != null && (username.length() > 256 || username.chars().anyMatch(Character::isISOControl))) {
			errors.add(new FieldError("username", "must be at most 256 characters, without control characters"));
		}
		if (username != null && (request.secret() == null || request.secret().isEmpty())) {
			errors.add(new FieldError("secret", "is required with a username: the SMTP password"));
		}
		String from = address(request.from(), "from", errors);
		List<String> to = new ArrayList<>();
		List<String> recipients = (request.to() != null) ? request.to() : List.of();
		if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
			errors.add(new FieldError("to", "needs 1-" + MAX_RECIPIENTS + " recipient addresses"));
		}
		for (int i = 0; i < recipients.size() && i < MAX_RECIPIENTS; i++) {
			String address = address(recipients.get(i), "to[" + i + "]", errors);
			if (address != null) {
				to.add(address);
			}
		}
		if (errors.size() > before || from == null) {
			return null;
		}
		return new EmailSettings(host, port, security, username, from, List.copyOf(to));
	}

	/** A plain {@code user@domain}, or null with the problem added. */
	static @Nullable String address(@Nullable String value, String field, List<FieldError> errors) {
		String problem = "must be an e-mail address such as alerts@example.net";
		if (value == null || value.isBlank() || value.length() > 254
				|| value.strip().chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			errors.add(new FieldError(field, problem));
			return null;
		}
		String address = value.strip();
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (!address.equals(parsed.getAddress()) || parsed.getPersonal() != null || !address.contains("@")) {
				errors.add(new FieldError(field, problem + " (no display name)"));
				return null;
			}
		}
		catch (AddressException ex) {
			errors.add(new FieldError(field, problem));
			return null;
		}
		return address;
	}

}
