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
 * A second one with {@code admin} only, in {@code demo-setup-client.properties} (mode
 * 600, never printed by {@code status --env}), lets {@code ./vigil demo} add its cameras
 * through the platform's onboarding API like the UI's "Add camera".
 */
@Component
@Profile("devstack")
class DemoClient implements ApplicationRunner {

	static final String FILE = "demo-client.properties";

	static final String SETUP_FILE = "demo-setup-client.properties";

	private static final Logger log = LoggerFactory.getLogger(DemoClient.class);

	private final IntegratorClients clients;

	private final Path file;

	private final Path setupFile;

	DemoClient(IntegratorClients clients, IdentityProperties identity) {
		this.clients = clients;
		this.file = identity.dataDir().resolve(FILE);
		this.setupFile = identity.dataDir().resolve(SETUP_FILE);
	}

	@Override
	public void run(ApplicationArguments args) {
		create(this.file, "demo integrator", Scopes.MEDIA_READ);
		create(this.setupFile, "demo camera setup", Scopes.ADMIN);
	}

	private void create(Path target, String name, String scope) {
		if (Files.exists(target)) {
			return;
		}
		IntegratorClients.Issued issued = this.clients.create(name, Set.of(scope), null, null, "devstack");
		SecretFiles.writePrivate(target,
				"client-id=" + issued.client().clientId() + "\nclient-secret=" + issued.secret() + "\n");
		log.info("Created {} client {} ({}); credentials in {}", name, issued.client().clientId(), scope,
				target.toAbsolutePath());
	}

}
