package dev.vigil.identity.proxy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vigil.identity.Browser;
import dev.vigil.identity.IdentityApplication;
import dev.vigil.identity.IdentityIntegrationTest;
import dev.vigil.identity.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity-service's own port, called by a client that is not the gateway: an instance
 * that trusts only {@code 192.0.2.1} (the "gateway") as proxy, reached from loopback.
 * Forged {@code X-Forwarded-*} headers are ignored, so password spraying from one address
 * under changing forged sources still locks that address, and the audit log records the
 * real peer.
 */
class ForwardedHeadersIT extends IdentityIntegrationTest {

	private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

	@Autowired
	AuditLog audit;

	@Autowired
	StringRedisTemplate redis;

	@BeforeEach
	@AfterEach
	void forgetLoopbackFailures() {
		// The loopback address is every other IT's source too: leave it unlocked.
		for (String address : LOOPBACK) {
			this.redis.delete(List.of("vigil:identity:login:failures:source:" + address,
					"vigil:identity:login:lock:source:" + address));
		}
	}

	@Test
	void aForgedForwardedForNeitherDodgesTheSourceLockNorReachesTheAudit() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext direct = new SpringApplicationBuilder(IdentityApplication.class)
			.profiles("devstack")
			.run("--server.port=0", "--vigil.identity.issuer=" + BASE, "--vigil.identity.data-dir=" + DATA,
					"--spring.mongodb.database=" + DATABASE, "--vigil.identity.clients.ui.client-secret=" + UI_SECRET,
					"--vigil.identity.trusted-proxies=192.0.2.1/32",
					"--vigil.identity.login.max-failures-per-source=3")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) direct).getWebServer().getPort();
			List<String> names = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String name = "spray-" + run + "-" + i;
				names.add(name);
				// A new forged source and a new name per attempt: only the real address
				// ties them together.
				try (Browser attacker = new Browser(base).with("X-Forwarded-For", "203.0.113." + (i + 1))) {
					assertThat(attacker.signIn(name, "guess-" + i).statusCode()).isEqualTo(302);
				}
			}
			assertThat(this.audit.recent(AuditLog.Type.LOGIN_THROTTLED, names.get(3), 5))
				.as("the fourth attempt from one real address is refused before any password check")
				.isNotEmpty();
			for (String name : names) {
				List<AuditLog.AuditEntry> entries = new ArrayList<>(
						this.audit.recent(AuditLog.Type.LOGIN_FAILED, name, 5));
				entries.addAll(this.audit.recent(AuditLog.Type.LOGIN_THROTTLED, name, 5));
				assertThat(entries).isNotEmpty()
					.allSatisfy((entry) -> assertThat(entry.source()).as("audited source").isIn(LOOPBACK));
			}

			try (Browser attacker = new Browser(base).with("X-Forwarded-Host", "evil.example")
				.with("X-Forwarded-Proto", "https")) {
				HttpResponse<String> page = attacker.get("/");
				assertThat(Browser.location(page)).as("redirects never point at a forged host")
					.doesNotContain("evil.example");
			}
		}
	}

}
