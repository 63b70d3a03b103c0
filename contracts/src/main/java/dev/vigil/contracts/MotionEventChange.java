package dev.vigil.contracts;

/**
 * What happened to a motion event in a {@link MotionEventChanged} record.
 */
public enum MotionEventChange {

	/** The first upload of a new event was indexed. */
	OPENED,

	/** The event gained a label or a higher confidence for one it had. */
	UPDATED,

	/**
	 * Nothing arrived for the event's quiet gap, or it was merged into another event:
	 * final.
	 */
	CLOSED

}
