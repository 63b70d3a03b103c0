package dev.vigil.bench.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One phase of the alert run: uploads (with or without an outage of the MQTT broker and
 * the webhook receiver), then a bounded wait until every burst's event has its MQTT
 * {@code new} message and its webhook, then a settle time in which repeats would show.
 *
 * @param outcomes one per burst
 * @param problems lost, repeated or unmatched alerts and refused uploads
 * @param healedMillis when broker and receiver were back (0 without an outage)
 * @param lastAlertMillis the last first-arrival of any burst's alert
 * @param deliveries notification-service's delivery log at the end,
 * {@code channel status} → count
 * @param reconnects how often the subscriber reconnected
 */
record AlertPhase(List<AlertOutcome> outcomes, List<String> problems, long healedMillis, long lastAlertMillis,
		Map<String, Integer> deliveries, int reconnects) {

	/** Waiting ends when no new alert arrived for this long. */
	static final Duration STALL = Duration.ofSeconds(120);

	/** After the last alert, how long repeats are looked for. */
	static final Duration SETTLE = Duration.ofSeconds(10);

	/**
	 * Rounds of uploads at the given pace, no fault.
	 * @param lab the platform
	 * @param firstRound number of the first round
	 * @param rounds how many
	 * @param filesPerCamera per round
	 * @param pace between one camera's uploads
	 * @param bound at most this long waiting for the alerts
	 * @return the phase
	 * @throws Exception if the lab fails
	 */
	static AlertPhase steady(AlertLab lab, int firstRound, int rounds, int filesPerCamera, Duration pace,
			Duration bound) throws Exception {
		List<AlertLab.Burst> bursts = new ArrayList<>();
		for (int round = firstRound; round < firstRound + rounds; round++) {
			System.out.printf(Locale.ROOT, "alerts: round %d%n", round + 1);
			bursts.addAll(lab.upload(round, filesPerCamera, pace));
		}
		return settle(lab, bursts, 0, bound);
	}

	/**
	 * The broker and the webhook receiver go down, cameras upload a round during the
	 * outage, both come back after {@code outage}.
	 * @param lab the platform
	 * @param round the round's number
	 * @param filesPerCamera files per camera
	 * @param pace between one camera's uploads
	 * @param outage how long both stay down
	 * @param bound at most this long waiting for the alerts after the healing
	 * @return the phase
	 * @throws Exception if the lab fails
	 */
	static AlertPhase outage(AlertLab lab, int round, int filesPerCamera, Duration pace, Duration outage,
			Duration bound) throws Exception {
		long down = System.nanoTime();
		lab.stopBroker();
		lab.webhook().stop();
		System.out.printf(Locale.ROOT, "alerts: broker and webhook receiver down for %d s, round %d uploads%n",
				outage.toSeconds(), round + 1);
		List<AlertLab.Burst> bursts = lab.upload(round, filesPerCamera, pace);
		long left = outage.toNanos() - (System.nanoTime() - down);
		if (left > 0) {
			Thread.sleep(Duration.ofNanos(left));
		}
		lab.startBroker();
		lab.webhook().start();
		long healed = System.currentTimeMillis();
		System.out.println("alerts: broker and webhook receiver back");
		return settle(lab, bursts, healed, bound);
	}

	private static AlertPhase settle(AlertLab lab, List<AlertLab.Burst> bursts, long healed, Duration bound)
			throws Exception {
		long deadline = System.nanoTime() + bound.toNanos();
		long lastProgress = System.nanoTime();
		long complete = -1;
		List<AlertOutcome> outcomes = List.of();
		while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < STALL.toNanos()) {
			outcomes = of(lab, bursts, new ArrayList<>());
			long done = outcomes.stream().filter(AlertOutcome::complete).count();
			if (done == outcomes.size()) {
				break;
			}
			if (done > complete) {
				complete = done;
				lastProgress = System.nanoTime();
			}
			Thread.sleep(250);
		}
		Thread.sleep(SETTLE);
		List<String> problems = new ArrayList<>();
		outcomes = of(lab, bursts, problems);
		for (AlertOutcome outcome : outcomes) {
			AlertLab.Burst burst = outcome.burst();
			String which = burst.camera() + " round " + (burst.round() + 1);
			if (burst.files().isEmpty()) {
				problems.add(which + ": no upload accepted");
			}
			if (burst.refused() > 0) {
				problems.add(which + ": " + burst.refused() + " uploads refused");
			}
			if (outcome.eventId() == null) {
				problems.add(which + ": no alert names its event");
				continue;
			}
			if (outcome.mqttNew() != 1) {
				problems.add(which + ": " + outcome.mqttNew() + " MQTT 'new' messages");
			}
			if (outcome.webhooks() != 1) {
				problems.add(which + ": " + outcome.webhooks() + " webhook alerts");
			}
		}
		if (lab.webhook().badSignatures() > 0) {
			problems.add(lab.webhook().badSignatures() + " webhook requests with a wrong signature");
		}
		long last = outcomes.stream().mapToLong((o) -> Math.max(o.mqttAt(), o.webhookAt())).max().orElse(0);
		return new AlertPhase(outcomes, problems, healed, last, lab.deliveryStatuses(), lab.tap().reconnects());
	}

	private static List<AlertOutcome> of(AlertLab lab, List<AlertLab.Burst> bursts, List<String> problems) {
		return AlertOutcome
			.match(lab.uploaded(), lab.tap().messages(), lab.webhook().alerts(), lab.processed(), problems)
			.stream()
			.filter((outcome) -> bursts.contains(outcome.burst()))
			.toList();
	}

	/** From the healing to the last alert, or null without an outage or alerts. */
	Duration converged() {
		return (this.healedMillis > 0 && this.lastAlertMillis > 0)
				? Duration.ofMillis(Math.max(0, this.lastAlertMillis - this.healedMillis)) : Duration.ZERO;
	}

}
