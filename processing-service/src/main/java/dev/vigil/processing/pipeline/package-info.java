/**
 * The stream: {@code MediaUploaded} in, {@code MediaProcessed} out, with retries,
 * dead-lettering, idempotency and metrics.
 */
@NullMarked
package dev.vigil.processing.pipeline;

import org.jspecify.annotations.NullMarked;
