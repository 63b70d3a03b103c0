/**
 * Deliveries: a durable queue per channel in MongoDB, dispatched in order with retries,
 * back-off and a max age; the queue is also the delivery log.
 */
@NullMarked
package dev.vigil.notify.delivery;

import org.jspecify.annotations.NullMarked;
