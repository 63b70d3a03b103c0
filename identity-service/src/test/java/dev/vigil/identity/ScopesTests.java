package dev.vigil.identity;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopesTests {

	@Test
	void aViewerNeverGetsWriteOrAdminScopesWhateverTheClientAsks() {
		assertThat(Scopes.narrow(List.of("openid", "media:read", "media:write", "admin"), Set.of("viewer")))
			.containsExactly("openid", "media:read");
	}

	@Test
	void anAdminGetsWhatWasAskedFor() {
		assertThat(Scopes.narrow(List.of("openid", "media:read", "admin"), Set.of("admin"))).containsExactly("openid",
				"media:read", "admin");
	}

	@Test
	void anAdminMayManageNotificationsAViewerMayNot() {
		List<String> asked = List.of("openid", "notifications:read", "notifications:write");
		assertThat(Scopes.narrow(asked, Set.of("admin"))).containsExactly("openid", "notifications:read",
				"notifications:write");
		assertThat(Scopes.narrow(asked, Set.of("viewer"))).containsExactly("openid");
	}

	@Test
	void noRolesMeansNoApiScopes() {
		assertThat(Scopes.narrow(List.of("media:read", "profile"), Set.of())).containsExactly("profile");
	}

}
