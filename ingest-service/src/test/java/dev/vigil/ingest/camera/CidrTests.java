package dev.vigil.ingest.camera;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

	@Test
	void matchesAddressesInsideTheBlock() throws Exception {
		Cidr lan = Cidr.parse("192.168.1.0/24");
		assertThat(lan.contains(InetAddress.getByName("192.168.1.77"))).isTrue();
		assertThat(lan.contains(InetAddress.getByName("192.168.2.1"))).isFalse();
		assertThat(lan.contains(InetAddress.getByName("::1"))).isFalse();
		assertThat(Cidr.parse("10.0.0.0/9").contains(InetAddress.getByName("10.127.0.1"))).isTrue();
		assertThat(Cidr.parse("10.0.0.0/9").contains(InetAddress.getByName("10.128.0.1"))).isFalse();
		assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getLoopbackAddress())).isTrue();
		assertThat(Cidr.parse("fd00::/8").contains(InetAddress.getByName("fd12::1"))).isTrue();
	}

	@Test
	void rejectsHostNamesAndBadPrefixes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("camera.local/24"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"));
	}

}
