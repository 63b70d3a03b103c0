package dev.vigil.notify.delivery;

import java.util.List;

/**
 * The names of the system conditions, as rules and alerts carry them.
 */
public final class SystemConditions {

	/** A camera sent nothing for longer than its threshold. */
	public static final String CAMERA_SILENT = "camera-silent";

	/** An edge's spool holds more than the warning level. */
	public static final String EDGE_BACKLOG = "edge-backlog";

	/** An edge's data volume has less free space than the warning level. */
	public static final String EDGE_DISK = "edge-disk";

	/** A dead-letter topic grew. */
	public static final String DEAD_LETTERS = "dead-letters";

	/** A service's health endpoint did not answer UP. */
	public static final String SERVICE_DOWN = "service-down";

	public static final List<String> ALL = List.of(CAMERA_SILENT, EDGE_BACKLOG, EDGE_DISK, DEAD_LETTERS, SERVICE_DOWN);

	private SystemConditions() {
	}

}
