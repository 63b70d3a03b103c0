/**
 * Edge nodes as the platform sees them: what their heartbeats on {@code edge.heartbeat}
 * say (version, spool, free disk, where cameras reach them). The platform never connects
 * to an edge; it only reads what edges send.
 */
@NullMarked
package dev.vigil.catalog.edge;

import org.jspecify.annotations.NullMarked;
