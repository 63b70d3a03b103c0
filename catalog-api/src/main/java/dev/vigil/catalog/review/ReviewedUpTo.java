package dev.vigil.catalog.review;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * "Mark all reviewed up to now": every event of this person that started at or before
 * {@code upTo} counts as reviewed unless marked otherwise.
 *
 * @param user the token's subject
 * @param upTo the watermark
 */
@Document("review_watermarks")
record ReviewedUpTo(@Id String user, Instant upTo) {

}
