package dev.vigil.notify.channel;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import dev.vigil.notify.delivery.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class MailPushTests {

	private static final EmailSettings EMAIL = new EmailSettings("smtp.example.net", 587, SmtpSecurity.STARTTLS,
			"vigil", "vigil@example.net", List.of("me@example.net"));

	@Test
	void aTemporaryReplyATimeoutOrAConnectionErrorIsRetried() throws Exception {
		MessagingException deferred = new SMTPSendFailedException("DATA", 451, "451 try again later", null, null, null,
				null);
		assertThat(MailPush.classified(EMAIL, deferred)).isInstanceOf(IOException.class)
			.hasMessageContaining("deferred")
			.hasMessageContaining("smtp smtp.example.net:587");
		assertThat(MailPush.classified(EMAIL, new MessagingException("Couldn't connect", new ConnectException())))
			.isInstanceOf(IOException.class);
	}

	@Test
	void aPermanentReplyARefusedLoginOrNoStarttlsFailsForGood() throws Exception {
		MessagingException recipient = new MessagingException("Invalid Addresses", new SMTPAddressFailedException(
				new InternetAddress("nobody@example.net"), "RCPT TO", 550, "550 no such user"));
		assertThat(MailPush.classified(EMAIL, recipient)).isInstanceOf(Channel.PermanentFailure.class)
			.hasMessageContaining("550");
		assertThat(MailPush.classified(EMAIL, new AuthenticationFailedException("535 bad credentials")))
			.isInstanceOf(Channel.PermanentFailure.class)
			.hasMessageContaining("login refused");
		assertThat(MailPush.classified(EMAIL,
				new MessagingException("STARTTLS is required but host does not support STARTTLS")))
			.isInstanceOf(Channel.PermanentFailure.class)
			.hasMessageContaining("nothing was sent in plain text");
	}

}
