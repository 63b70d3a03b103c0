package dev.vigil.devstack;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * A devstack server that runs as a child process: what every such component answers about
 * its process.
 */
abstract class ChildProcessComponent implements ManagedComponent {

	/** The running child, or null when stopped. */
	protected @Nullable ChildProcess process;

	@Override
	public boolean running() {
		ChildProcess child = this.process;
		return child != null && child.isAlive();
	}

	@Override
	public OptionalLong pid() {
		ChildProcess child = this.process;
		return (child != null) ? OptionalLong.of(child.pid()) : OptionalLong.empty();
	}

}
