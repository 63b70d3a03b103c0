package dev.vigil.notify.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.vigil.notify.delivery.SystemConditions;

/**
 * Dead letters growing: every check, the end offsets of all {@code *.dlq} topics are
 * summed per topic (Kafka AdminClient). More than last time is failing at once; no growth
 * for {@code dead-letter-quiet-after} is recovered. A topic seen for the first time sets
 * the baseline (old dead letters do not alert).
 */
class DeadLetters {

	/**
	 * The count last seen.
	 *
	 * @param id the topic
	 * @param total sum of its end offsets
	 * @param grewAt when it last grew
	 */
	@Document(Count.COLLECTION)
	record Count(@Id String id, long total, @Nullable Instant grewAt) {

		static final String COLLECTION = "system_dead_letters";

	}

	private final Admin admin;

	private final MongoTemplate mongo;

	private final Conditions conditions;

	private final Thresholds thresholds;

	private final Clock clock = Clock.systemUTC();

	DeadLetters(Admin admin, MongoTemplate mongo, Conditions conditions, Thresholds thresholds) {
		this.admin = admin;
		this.mongo = mongo;
		this.conditions = conditions;
		this.thresholds = thresholds;
	}

	void check() throws Exception {
		List<String> topics = this.admin.listTopics()
			.names()
			.get(10, TimeUnit.SECONDS)
			.stream()
			.filter((name) -> name.endsWith(".dlq"))
			.sorted()
			.toList();
		if (topics.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		for (TopicDescription topic : this.admin.describeTopics(topics)
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.values()) {
			topic.partitions()
				.forEach((p) -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
		}
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = this.admin.listOffsets(request)
			.all()
			.get(10, TimeUnit.SECONDS);
		Map<String, Long> totals = new HashMap<>();
		ends.forEach((partition, info) -> totals.merge(partition.topic(), info.offset(), Long::sum));
		Instant now = this.clock.instant();
		for (Map.Entry<String, Long> topic : totals.entrySet()) {
			apply(topic.getKey(), topic.getValue(), now);
		}
	}

	private void apply(String topic, long total, Instant now) {
		Count last = this.mongo.findById(topic, Count.class);
		if (last == null) {
			this.mongo.save(new Count(topic, total, null));
			this.conditions.report(SystemConditions.DEAD_LETTERS, topic, false, "", total + " dead letter(s)");
			return;
		}
		if (total > last.total()) {
			this.mongo.save(new Count(topic, total, now));
			this.conditions.report(SystemConditions.DEAD_LETTERS, topic, true, "Dead letters on " + topic,
					(total - last.total()) + " new dead letter(s), " + total + " in all: records a consumer refused");
			return;
		}
		if (last.grewAt() != null && Duration.between(last.grewAt(), now)
			.compareTo(this.thresholds.current().deadLetterQuietAfter()) >= 0) {
			this.conditions.report(SystemConditions.DEAD_LETTERS, topic, false, "No new dead letters on " + topic,
					"none since " + last.grewAt() + ", " + total + " in all");
		}
	}

}
