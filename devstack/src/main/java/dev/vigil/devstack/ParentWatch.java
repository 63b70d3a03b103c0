package dev.vigil.devstack;

/**
 * A Java agent for devstack's child JVMs ({@code -javaagent:devstack.jar=PID}): when the
 * devstack JVM that started the child is gone, even after {@code kill -9}, the child
 * exits through its normal shutdown hooks instead of living on as an orphan holding a
 * port. Uses nothing but the JDK: the child's classpath has no devstack dependencies.
 */
public final class ParentWatch {

	private ParentWatch() {
	}

	public static void premain(String parentPid) {
		long pid = Long.parseLong(parentPid.trim());
		ProcessHandle.of(pid)
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(ParentWatch::exit), ParentWatch::exit);
	}

	private static void exit() {
		System.err.println("devstack: parent process is gone, shutting down");
		System.exit(0);
	}

}
