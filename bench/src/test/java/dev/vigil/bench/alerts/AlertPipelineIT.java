package dev.vigil.bench.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.vigil.devstack.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert path end to end, every service from its jar: a camera's FTP upload of a
 * picture with a person becomes one {@code vigil/events} {@code new} message and
 * {@code vigil/<camera>/person ON} on the real Mosquitto, retained Home Assistant
 * discovery configs for that camera and one webhook whose signature the receiver checks;
 * then, with the broker and the webhook receiver down while the cameras upload again,
 * every alert of that round arrives once after both return. It stops a broker, so it runs
 * on a private devstack of its own.
 */
class AlertPipelineIT {

	@TempDir
	Path work;

	@Test
	void anUploadWithAPersonAlertsOnMqttAndTheWebhookOnceAlsoThroughAnOutage() throws Exception {
		try (AlertLab lab = AlertLab.start(this.work, TestMedia.root(), new AlertLab.Settings(2, 2))) {
			AlertPhase steady = AlertPhase.steady(lab, 0, 1, 2, Duration.ofMillis(500), Duration.ofMinutes(4));
			assertThat(steady.problems()).isEmpty();
			assertThat(steady.outcomes()).hasSize(2)
				.allSatisfy((outcome) -> assertThat(outcome.mqttNew()).isEqualTo(1))
				.allSatisfy((outcome) -> assertThat(outcome.webhooks()).isEqualTo(1));
			assertThat(lab.tap().received("vigil/alert-cam-00/person", "ON")).isTrue();
			assertThat(lab.webhook().badSignatures()).isZero();

			Map<String, String> discovery = lab.tap().retained("homeassistant/#", Duration.ofSeconds(2));
			assertThat(discovery.get("homeassistant/binary_sensor/vigil_alert-cam-00_person/config"))
				.contains("\"state_topic\":\"vigil/alert-cam-00/person\"")
				.contains("\"device_class\":\"occupancy\"");
			assertThat(discovery.get("homeassistant/image/vigil_alert-cam-00_person_snapshot/config"))
				.contains("\"image_topic\":\"vigil/alert-cam-00/person/snapshot\"");
			assertThat(discovery).containsKey("homeassistant/sensor/vigil_alert-cam-00_last_event/config");

			AlertPhase outage = AlertPhase.outage(lab, 1, 2, Duration.ofMillis(500), Duration.ofSeconds(8),
					Duration.ofMinutes(4));
			assertThat(outage.problems()).isEmpty();
			assertThat(outage.outcomes()).hasSize(2)
				.allSatisfy((outcome) -> assertThat(outcome.mqttNew()).isEqualTo(1))
				.allSatisfy((outcome) -> assertThat(outcome.webhooks()).isEqualTo(1));
			assertThat(outage.deliveries().keySet()).noneMatch((status) -> status.endsWith("FAILED"))
				.noneMatch((status) -> status.endsWith("EXPIRED"));
		}
	}

}
