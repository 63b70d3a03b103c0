package dev.vigil.notify.delivery;

import java.time.Duration;

/**
 * Somewhere deliveries go. Each channel is dispatched on its own virtual thread, so a
 * slow or failing channel never delays another.
 */
public interface Channel {

	/**
	 * The channel's name, as deliveries name it.
	 * @return e.g. {@code mqtt}
	 */
	String name();

	/**
	 * Sends one delivery.
	 * @param delivery what to send
	 * @throws PermanentFailure when retrying cannot help (bad payload, refused for good)
	 * @throws Exception when it may work later: it is retried with back-off
	 */
	void deliver(Delivery delivery) throws Exception;

	/**
	 * Deliveries older than this are recorded as expired instead of being sent late.
	 * @return the max age
	 */
	Duration maxAge();

	/**
	 * A failure that retrying cannot fix.
	 */
	class PermanentFailure extends Exception {

		public PermanentFailure(String message) {
			super(message);
		}

	}

}
