package dev.vigil.notify.channel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsrfGuardTests {

	private static SsrfGuard guard(List<String> allowed, List<String> blocked) {
		return new SsrfGuard(new ChannelProperties("k".repeat(32), java.time.Duration.ofMinutes(15), 5,
				java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10), allowed, blocked, 65536, List.of()));
	}

	@Test
	void refusesLoopbackLinkLocalMetadataAndOtherSchemes() {
		SsrfGuard guard = guard(List.of(), List.of());
		assertThat(guard.refusal("http://127.0.0.1:8082/api/v1/media")).contains("loopback");
		assertThat(guard.refusal("http://localhost/")).contains("loopback");
		assertThat(guard.refusal("http://[::1]/")).contains("loopback");
		assertThat(guard.refusal("http://[::ffff:127.0.0.1]/")).contains("loopback");
		assertThat(guard.refusal("http://169.254.169.254/latest/meta-data/")).contains("link-local");
		assertThat(guard.refusal("http://0.0.0.0:8080/")).contains("unspecified");
		assertThat(guard.refusal("ftp://example.net/")).contains("http or https");
		assertThat(guard.refusal("file:///etc/passwd")).contains("http or https");
		assertThat(guard.refusal("http://user:pw@203.0.113.7/")).contains("credentials");
		assertThat(guard.refusal("not a url")).isNotNull();
	}

	@Test
	void refusesTheConfiguredServiceNetworkButAllowsOtherAddresses() {
		SsrfGuard guard = guard(List.of(), List.of("10.96.0.0/12"));
		assertThat(guard.refusal("http://10.96.4.2/")).contains("service network");
		assertThat(guard.refusal("http://10.112.0.1/")).isNull();
		assertThat(guard.refusal("https://203.0.113.7/hook")).isNull();
		assertThat(guard.refusal("http://192.168.1.20:8123/api/webhook/x")).as("Home Assistant on the LAN").isNull();
	}

	@Test
	void anAdminMayAllowAHostExplicitly() {
		SsrfGuard guard = guard(List.of("localhost"), List.of());
		assertThat(guard.refusal("http://localhost:8123/api/webhook/x")).isNull();
		assertThat(guard.refusal("http://127.0.0.1:8123/")).as("only the host named").contains("loopback");
	}

}
