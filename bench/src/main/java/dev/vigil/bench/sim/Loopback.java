package dev.vigil.bench.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Load is only ever sent to this machine: benchmarks refuse any other target.
 */
public final class Loopback {

	private Loopback() {
	}

	/**
	 * Checks that a host resolves to loopback addresses only.
	 * @param host the target host
	 * @return the host, for chaining
	 * @throws IllegalArgumentException if any address of the host is not loopback
	 */
	public static String require(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!address.isLoopbackAddress()) {
					throw new IllegalArgumentException("Refusing to target " + host + " (" + address.getHostAddress()
							+ "): benchmarks only run " + "against loopback addresses (127.0.0.0/8, ::1)");
				}
			}
			return host;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Unknown host " + host, ex);
		}
	}

}
