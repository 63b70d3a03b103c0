package dev.vigil.ui.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimRolesTests {

	@Test
	void readsRolesFromAListOrASpaceSeparatedString() {
		assertThat(ClaimRoles.values(List.of("admin", "viewer"))).containsExactly("admin", "viewer");
		assertThat(ClaimRoles.values("viewer admin")).containsExactly("viewer", "admin");
		assertThat(ClaimRoles.values(null)).isEmpty();
		assertThat(ClaimRoles.values(42)).isEmpty();
	}

}
