package dev.vigil.catalog.media;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published in-process, synchronously, when an item's place on its camera's timeline was
 * set, moved or left (or its hold changed), so that what is derived from the timeline
 * (the stitched motion events) is recomputed before the indexer goes on. Unlike
 * {@link MediaChanged} it is also published for redeliveries: settling is repeated then.
 *
 * @param cameraId the camera
 * @param previous the item's previous time, if it had one and it differs
 * @param current the item's time now, or null when it was removed
 */
public record TimelineChanged(String cameraId, @Nullable Instant previous, @Nullable Instant current) {

}
