package dev.vigil.identity.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.identity.IdentityProperties;
import dev.vigil.identity.Scopes;
import dev.vigil.support.SecretFiles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Devstack only: on first start, creates an integrator client with {@code media:read} and
 * writes its id and secret (mode 600) to {@code demo-client.properties} in the data
 * directory, so {@code ./vigil status --env} can hand a working token request to a user.
 */
@Component
@Profile("devstack")
class DemoClient implements ApplicationRunner {

	static final String FILE = "demo-client.properties";

	private static final Logger log = LoggerFactory.getLogger(DemoClient.class);

	private final IntegratorClients clients;

	private final Path file;

	DemoClient(IntegratorClients clients, IdentityProperties identity) {
		this.clients = clients;
		this.file = identity.dataDir().resolve(FILE);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (Files.exists(this.file)) {
			return;
		}
		IntegratorClients.Issued issued = this.clients.create("demo integrator", Set.of(Scopes.MEDIA_READ), null, null,
				"devstack");
		SecretFiles.writePrivate(this.file,
				"client-id=" + issued.client().clientId() + "\nclient-secret=" + issued.secret() + "\n");
		log.info("Created demo integrator client {} (media:read); credentials in {}", issued.client().clientId(),
				this.file.toAbsolutePath());
	}

}
