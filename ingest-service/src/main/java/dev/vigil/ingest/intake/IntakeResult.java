package dev.vigil.ingest.intake;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a finished upload; the protocol layer turns it into a reply.
 *
 * @param outcome the decision
 * @param mediaId SHA-256 of the content when known
 * @param detail short reason, safe to show to the camera
 */
public record IntakeResult(Outcome outcome, @Nullable String mediaId, String detail) {

	public enum Outcome {

		/** Durable in the spool: acknowledge. */
		ACCEPTED,
		/**
		 * Same content from the same camera taken before: acknowledge, do not republish.
		 */
		DUPLICATE,
		/** Empty, truncated or not media: kept aside, counted, refused. */
		QUARANTINED,
		/** Spool above its high-water mark: refuse with 452 so the camera retries. */
		SPOOL_FULL,
		/**
		 * The camera holds its quota (home + quarantine + spool): refuse with 552, other
		 * cameras are unaffected.
		 */
		OVER_QUOTA,
		/** Local I/O failure: refuse so the camera retries. */
		FAILED;

		public boolean acknowledged() {
			return this == ACCEPTED || this == DUPLICATE;
		}

	}

}
