package dev.vigil.notify.system;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last known state of one system condition.
 *
 * @param id {@code <condition>:<subject>}
 * @param condition e.g. {@code camera-silent}
 * @param subject camera, edge node, topic or service
 * @param failing whether it is bad now
 * @param since when it took this state
 * @param detail what was last measured
 * @param changes how often it changed state (part of the alerts' delivery ids)
 */
@Document(Condition.COLLECTION)
record Condition(@Id String id, String condition, String subject, boolean failing, Instant since, String detail,
		long changes) {

	static final String COLLECTION = "system_conditions";

	static String id(String condition, String subject) {
		return condition + ":" + subject;
	}

}
