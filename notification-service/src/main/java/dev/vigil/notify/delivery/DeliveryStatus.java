package dev.vigil.notify.delivery;

/**
 * Where a delivery stands.
 */
public enum DeliveryStatus {

	/** Waiting for its first or next attempt. */
	PENDING,

	/** The channel accepted it. */
	SENT,

	/** The channel refused it for good (or was disabled); not retried. */
	FAILED,

	/**
	 * Older than the channel's max age before it could be sent: dropped, not sent late.
	 */
	EXPIRED,

	/** Not sent: the rule's cooldown for the camera was running. */
	SUPPRESSED

}
