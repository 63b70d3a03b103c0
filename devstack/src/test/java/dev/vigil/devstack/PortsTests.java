package dev.vigil.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PortsTests {

	@Test
	void namesTheProcessListeningOnATakenPort() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			assertThat(Ports.isFree(port)).isFalse();
			assertThatExceptionOfType(DevstackException.class).isThrownBy(() -> Ports.requireFree(port, "Redis"))
				.withMessageContaining("Port " + port + " (Redis)")
				.withMessageContaining("pid " + ProcessHandle.current().pid())
				.withMessageContaining("java");
		}
	}

	@Test
	void reportsAFreePortAsFree() {
		int port = Ports.free();

		assertThat(Ports.isFree(port)).isTrue();
		assertThat(Ports.accepts(port)).isFalse();
	}

}
