package dev.vigil.notify.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.notify.web.ApiException.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRequestsTests {

	private final EmailRequests requests = new EmailRequests(
			new SsrfGuard(new ChannelProperties("k".repeat(32), Duration.ofMinutes(15), 5, Duration.ofSeconds(5),
					Duration.ofSeconds(10), List.of("mail.lan"), List.of(), 65536, List.of())));

	private static ChannelController.ChannelRequest request(String host, Integer port, SmtpSecurity security,
			String user, String secret, String from, List<String> to) {
		return new ChannelController.ChannelRequest(ChannelType.EMAIL, "mail", null, null, null, secret, host, port,
				security, user, from, to);
	}

	@Test
	void acceptsAPlainChannelWithTheDefaultPortOfItsSecurity() {
		List<FieldError> errors = new ArrayList<>();
		EmailSettings starttls = this.requests
			.validated(request("mail.lan", null, null, null, null, "vigil@home.test", List.of("me@home.test")), errors);
		EmailSettings tls = this.requests.validated(
				request("mail.lan", null, SmtpSecurity.TLS, "u", "p", "vigil@home.test", List.of("me@home.test")),
				errors);
		assertThat(errors).isEmpty();
		assertThat(starttls.security()).isEqualTo(SmtpSecurity.STARTTLS);
		assertThat(starttls.port()).isEqualTo(587);
		assertThat(starttls.url()).isEqualTo("smtp://mail.lan:587");
		assertThat(tls.port()).isEqualTo(465);
		assertThat(tls.url()).isEqualTo("smtps://mail.lan:465");
	}

	@Test
	void refusesAddressesThatCouldAddHeadersOrCarryDisplayNames() {
		for (String address : List.of("me@home.test\r\nBcc: spy@evil.test", "me@home.test\nX: y", "Me <me@home.test>",
				"me@home.test, spy@evil.test", "no-at-sign", "", "a@b@c")) {
			List<FieldError> errors = new ArrayList<>();
			assertThat(EmailRequests.address(address, "to[0]", errors)).as(address).isNull();
			assertThat(errors).as(address).extracting(FieldError::field).containsExactly("to[0]");
		}
	}

	@Test
	void refusesLoopbackHostsALoginWithoutPasswordAndTooManyRecipients() {
		List<FieldError> errors = new ArrayList<>();
		List<String> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add("r" + i + "@home.test");
		}
		EmailSettings settings = this.requests
			.validated(request("127.0.0.1", 0, SmtpSecurity.STARTTLS, "user", null, "vigil@home.test", eleven), errors);
		assertThat(settings).isNull();
		assertThat(errors).extracting(FieldError::field).contains("smtpHost", "smtpPort", "secret", "to");
		assertThat(errors.toString()).contains("loopback");
	}

}
