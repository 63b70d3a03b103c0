package dev.vigil.notify.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests whose alerts arrive at a real webhook receiver, a fresh one per test.
 */
abstract class WebhookIT extends NotificationIT {

	static final String KEY = "a-webhook-signing-key-of-the-user";

	WebhookReceiver receiver;

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	/** A webhook channel to the receiver's path; the key never comes back. */
	String webhook(String path) {
		Response created = call("POST", "/api/v1/notifications/channels", WRITE,
				"{\"type\":\"WEBHOOK\",\"name\":\"hook " + path + "\",\"url\":\"" + this.receiver.url(path)
						+ "\",\"secret\":\"" + KEY + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).doesNotContain(KEY);
		return created.json().path("id").asString();
	}

}
