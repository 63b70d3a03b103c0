/**
 * The edge follows the platform: camera accounts come from the compacted
 * {@code camera.config} topic (read from the start, applied to the
 * {@link dev.vigil.ingest.camera.CameraDirectory}, last known copy kept on disk), and a
 * heartbeat goes to {@code edge.heartbeat}. Both are outbound connections to Kafka: the
 * platform never connects to an edge.
 */
@NullMarked
package dev.vigil.ingest.sync;

import org.jspecify.annotations.NullMarked;
