package dev.vigil.catalog.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes motion events that stayed quiet for
 * {@code vigil.catalog.motion-events.quiet-gap}. Each close runs under the camera's lock,
 * so it never interleaves with a recompute that is just extending the event.
 */
@Component
class MotionEventCloser {

	private static final Logger log = LoggerFactory.getLogger(MotionEventCloser.class);

	private static final int BATCH = 200;

	private final MotionEventJournal journal;

	private final CameraLock lock;

	private final MotionEventProperties properties;

	MotionEventCloser(MotionEventJournal journal, CameraLock lock, MotionEventProperties properties) {
		this.journal = journal;
		this.lock = lock;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${vigil.catalog.motion-events.close-interval:1s}")
	void closeQuietEvents() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			for (MotionEventState state : this.journal.quiet(BATCH)) {
				this.lock.run(state.cameraId(), () -> this.journal.closeIfQuiet(state.id()));
			}
		}
		catch (RuntimeException ex) {
			// MongoDB or Redis away: the next run closes them.
			log.warn("Could not close quiet motion events: {}", ex.getMessage());
		}
	}

}
