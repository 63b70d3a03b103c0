/**
 * Intake: reads {@code MotionEventChanged} records, drops repeats and stale revisions,
 * and queues what each channel must send.
 */
@NullMarked
package dev.vigil.notify.intake;

import org.jspecify.annotations.NullMarked;
