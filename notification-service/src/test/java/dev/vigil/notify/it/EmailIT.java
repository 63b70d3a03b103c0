package dev.vigil.notify.it;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.vigil.contracts.LabelScore;
import dev.vigil.contracts.MotionEventChange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail channel against GreenMail as a real SMTP server: SMTPS with a login for the
 * alerts, its plain SMTP port (no STARTTLS) for the refusal, and a port where no server
 * listens yet for the retry.
 */
class EmailIT extends NotificationIT {

	private static final String PASSWORD = "smtp-password-of-the-user";

	private static GreenMail mail;

	@BeforeAll
	static void startMail() {
		mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
				new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP) });
		mail.start();
		mail.setUser("alerts@vigil.test", "alerts", PASSWORD);
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Test
	void aPersonEventArrivesAsOneEmailWithTheSnapshotInline() throws Exception {
		String camera = camera("mailcam");
		String channel = email(mail.getSmtps().getPort(), "TLS", "alerts", PASSWORD, "owner@home.test",
				"neighbour@home.test");
		String rule = rule("{\"name\":\"Garden <by night>\",\"labels\":[\"person\"],\"timeZone\":\"Europe/Berlin\","
				+ "\"cooldownSeconds\":0,\"channels\":[\"" + channel + "\"]}");
		JsonNode view = call("GET", "/api/v1/notifications/channels/" + channel, WRITE, null).json();
		assertThat(view.toString()).doesNotContain(PASSWORD);
		assertThat(view.path("secretSet").asBoolean()).isTrue();
		assertThat(view.path("email").path("to").size()).isEqualTo(2);

		Instant start = Instant.parse("2026-06-01T00:14:05Z");
		var person = record(camera, start, 1, MotionEventChange.OPENED,
				List.of(new LabelScore("person", 0.91, snapshot(camera, "m1"))));
		publish(person);
		publish(person);
		publish(record(camera, start, 2, MotionEventChange.UPDATED,
				List.of(new LabelScore("person", 0.95, snapshot(camera, "m1")))));

		List<MimeMessage> received = eventually(() -> messagesAbout(camera), (list) -> list.size() >= 2);
		JsonNode log = eventually(
				() -> call("GET", "/api/v1/notifications/deliveries?rule=" + rule, WRITE, null).json(),
				(json) -> json.size() == 1 && json.get(0).path("status").asString().equals("SENT"));
		assertThat(log.get(0).path("channel").asString()).isEqualTo("channel:" + channel);
		assertThat(received).as("one message, to both recipients").hasSize(2);
		MimeMessage message = received.getFirst();
		assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
			.containsExactlyInAnyOrder("owner@home.test", "neighbour@home.test");
		assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@vigil.test");
		assertThat(message.getSubject()).isEqualTo("Vigil: Person on " + camera + " at 2026-06-01 02:14:05 CEST");

		List<Part> parts = new ArrayList<>();
		collect(message, parts);
		Part plain = parts.stream().filter((p) -> is(p, "text/plain")).findFirst().orElseThrow();
		Part html = parts.stream().filter((p) -> is(p, "text/html")).findFirst().orElseThrow();
		Part image = parts.stream().filter((p) -> is(p, "image/jpeg")).findFirst().orElseThrow();
		assertThat((String) plain.getContent()).contains("Person (91%) on camera " + camera)
			.contains("https://vigil.example.net/events/" + camera);
		assertThat((String) html.getContent()).contains("src=\"cid:snapshot\"")
			.contains("Garden &lt;by night&gt;")
			.doesNotContain("<by night>");
		assertThat(((MimePart) image).getContentID()).isEqualTo("<snapshot>");
		assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
		try (InputStream in = image.getInputStream()) {
			assertThat(in.readAllBytes()).isEqualTo(person());
		}
	}

	@Test
	void sendTestArrivesAndShowsInTheLog() throws Exception {
		String to = "test-" + camera("t") + "@home.test";
		String channel = email(mail.getSmtps().getPort(), "TLS", "alerts", PASSWORD, to);
		Response queued = call("POST", "/api/v1/notifications/channels/" + channel + "/test", WRITE, "");
		assertThat(queued.status()).isEqualTo(202);
		MimeMessage message = eventually(() -> messagesTo(to), (list) -> !list.isEmpty()).getFirst();
		assertThat(message.getSubject()).isEqualTo("Vigil test: this channel works");
		String id = queued.json().path("deliveryId").asString();
		eventually(() -> call("GET", "/api/v1/notifications/deliveries?channel=channel:" + channel, WRITE, null).json()
			.toString(), (log) -> log.contains(id) && log.contains("SENT"));
	}

	@Test
	void aServerWithoutStarttlsIsRefusedAndNothingGoesOutInPlainText() throws Exception {
		String to = "plain-" + camera("p") + "@home.test";
		String channel = email(mail.getSmtp().getPort(), "STARTTLS", "alerts", PASSWORD, to);
		String id = call("POST", "/api/v1/notifications/channels/" + channel + "/test", WRITE, "").json()
			.path("deliveryId")
			.asString();
		JsonNode entry = logEntry(channel, id, "FAILED");
		assertThat(entry.path("lastError").asString()).contains("does not offer STARTTLS");
		assertThat(entry.path("attempts").asInt()).isEqualTo(1);
		assertThat(messagesTo(to)).isEmpty();
		assertThat(entry.toString()).doesNotContain(PASSWORD);
	}

	@Test
	void aRefusedLoginFailsVisiblyWithoutThePassword() throws Exception {
		String to = "login-" + camera("l") + "@home.test";
		String channel = email(mail.getSmtps().getPort(), "TLS", "alerts", "not-the-password", to);
		String id = call("POST", "/api/v1/notifications/channels/" + channel + "/test", WRITE, "").json()
			.path("deliveryId")
			.asString();
		JsonNode entry = logEntry(channel, id, "FAILED");
		assertThat(entry.path("lastError").asString()).contains("login refused").doesNotContain("not-the-password");
		assertThat(messagesTo(to)).isEmpty();
	}

	@Test
	void aServerThatIsDownIsRetriedAndGetsTheMailOnceWhenItReturns() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		String to = "down-" + camera("d") + "@home.test";
		String channel = email(port, "TLS", null, null, to);
		String id = call("POST", "/api/v1/notifications/channels/" + channel + "/test", WRITE, "").json()
			.path("deliveryId")
			.asString();
		JsonNode waiting = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> entry(channel, id), (e) -> e != null && e.path("attempts").asInt() >= 1);
		GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
		late.start();
		try {
			assertThat(waiting.path("status").asString()).isEqualTo("PENDING");
			assertThat(waiting.path("lastError").asString()).contains("smtp localhost:" + port);
			JsonNode sent = logEntry(channel, id, "SENT");
			assertThat(sent.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> late.getReceivedMessages().length == 1);
			assertThat(late.getReceivedMessages()[0].getSubject()).isEqualTo("Vigil test: this channel works");
		}
		finally {
			late.stop();
		}
	}

	@Test
	void badEmailChannelsAreRefusedWithProblemDetails() throws Exception {
		Response bad = call("POST", "/api/v1/notifications/channels", WRITE,
				"{\"type\":\"EMAIL\",\"name\":\"bad\",\"smtpHost\":\"127.0.0.1\",\"smtpPort\":70000,"
						+ "\"username\":\"alerts\",\"from\":\"not an address\","
						+ "\"to\":[\"ok@home.test\",\"owner@home.test\\r\\nBcc: spy@evil.test\",\"Owner <o@home.test>\"]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("type").asString()).endsWith("/invalid-request");
		assertThat(bad.body()).contains("smtpHost", "loopback", "smtpPort", "secret", "\"field\":\"from\"",
				"\"field\":\"to[1]\"", "\"field\":\"to[2]\"");
		assertThat(bad.body()).doesNotContain("\"field\":\"to[0]\"");

		Response none = call("POST", "/api/v1/notifications/channels", WRITE,
				"{\"type\":\"EMAIL\",\"name\":\"none\",\"smtpHost\":\"localhost\",\"from\":\"a@home.test\",\"to\":[]}");
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body()).contains("recipient");
		Response metadata = call("POST", "/api/v1/notifications/channels", WRITE,
				"{\"type\":\"EMAIL\",\"name\":\"md\",\"smtpHost\":\"169.254.169.254\",\"from\":\"a@home.test\","
						+ "\"to\":[\"b@home.test\"]}");
		assertThat(metadata.status()).isEqualTo(400);
		assertThat(metadata.body()).contains("link-local");
		Response security = call("POST", "/api/v1/notifications/channels", WRITE,
				"{\"type\":\"EMAIL\",\"name\":\"plain\",\"smtpHost\":\"localhost\",\"smtpSecurity\":\"NONE\","
						+ "\"from\":\"a@home.test\",\"to\":[\"b@home.test\"]}");
		assertThat(security.status()).as("no plain-text mode").isEqualTo(400);
	}

	private String email(int port, String security, String user, String password, String... to) {
		StringBuilder body = new StringBuilder("{\"type\":\"EMAIL\",\"name\":\"mail\",\"smtpHost\":\"localhost\",")
			.append("\"smtpPort\":")
			.append(port)
			.append(",\"smtpSecurity\":\"")
			.append(security)
			.append("\",\"from\":\"alerts@vigil.test\",\"to\":[");
		for (int i = 0; i < to.length; i++) {
			body.append((i > 0) ? "," : "").append('"').append(to[i]).append('"');
		}
		body.append(']');
		if (user != null) {
			body.append(",\"username\":\"").append(user).append("\",\"secret\":\"").append(password).append('"');
		}
		Response created = call("POST", "/api/v1/notifications/channels", WRITE, body.append('}').toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).doesNotContain(PASSWORD);
		return created.json().path("id").asString();
	}

	private JsonNode entry(String channel, String id) {
		for (JsonNode entry : call("GET", "/api/v1/notifications/deliveries?channel=channel:" + channel, WRITE, null)
			.json()) {
			if (entry.path("id").asString().equals(id)) {
				return entry;
			}
		}
		return null;
	}

	private JsonNode logEntry(String channel, String id, String status) {
		return eventually(() -> entry(channel, id), (e) -> e != null && e.path("status").asString().equals(status));
	}

	private static List<MimeMessage> messagesAbout(String camera) {
		return Arrays.stream(mail.getReceivedMessages()).filter((m) -> {
			try {
				return m.getSubject() != null && m.getSubject().contains(camera);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private static List<MimeMessage> messagesTo(String to) {
		return Arrays.stream(mail.getReceivedMessagesForDomain(to)).toList();
	}

	private static void collect(Part part, List<Part> parts) throws Exception {
		parts.add(part);
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, parts);
			}
		}
	}

	private static boolean is(Part part, String type) {
		try {
			return part.isMimeType(type);
		}
		catch (Exception ex) {
			return false;
		}
	}

}
