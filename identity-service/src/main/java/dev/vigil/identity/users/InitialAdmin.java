package dev.vigil.identity.users;

import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.identity.IdentityProperties;
import dev.vigil.identity.Scopes;
import dev.vigil.support.SecretFiles;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a first start with no users, creates {@code admin} with a random password: logged
 * once and written (mode 600) to {@code admin-initial-password} in the data directory so
 * {@code ./vigil up} can show it. The password must be changed at the first sign-in, and
 * the file is deleted then.
 */
@Component
class InitialAdmin implements ApplicationRunner {

	static final String USERNAME = "admin";

	static final String PASSWORD_FILE = "admin-initial-password";

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final UserAccounts accounts;

	private final Path passwordFile;

	InitialAdmin(UserAccounts accounts, IdentityProperties identity) {
		this.accounts = accounts;
		this.passwordFile = identity.dataDir().resolve(PASSWORD_FILE);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.count() > 0) {
			return;
		}
		String password = SecretFiles.randomToken(15);
		try {
			this.accounts.create(USERNAME, password, Set.of(Scopes.ROLE_ADMIN), null, true, "system");
		}
		catch (IllegalArgumentException ex) {
			// another replica created it first
			return;
		}
		SecretFiles.writePrivate(this.passwordFile, password + "\n");
		// The password itself never goes to the log (log pipelines keep it forever): only
		// to the file, which ./vigil up prints once and which is deleted at the change.
		log.warn("Created the initial administrator '{}'; its one-time password is in {} (mode 600) and must be "
				+ "changed at the first sign-in", USERNAME, this.passwordFile.toAbsolutePath());
	}

	Path passwordFile() {
		return this.passwordFile;
	}

}
