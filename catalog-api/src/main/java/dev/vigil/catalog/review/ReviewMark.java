package dev.vigil.catalog.review;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's explicit review state of one event; it overrides the person's "reviewed up
 * to" watermark either way.
 *
 * @param id {@code <user> <eventId>}
 * @param user the token's subject
 * @param eventId the event
 * @param eventStart the event's start, so marking all up to a time can drop older marks
 * @param reviewed reviewed (true) or marked unreviewed again (false)
 * @param at when it was set
 */
@Document("reviews")
record ReviewMark(@Id String id, String user, String eventId, Instant eventStart, boolean reviewed, Instant at) {

	static String id(String user, String eventId) {
		return user + " " + eventId;
	}

}
