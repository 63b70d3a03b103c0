package dev.vigil.identity.users;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

import dev.vigil.identity.NotFoundException;
import dev.vigil.identity.Scopes;
import dev.vigil.support.SecretFiles;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for people: create (without a password one is generated, returned once, and
 * must be changed at first sign-in), list, change roles and camera scope, delete. Needs
 * the {@code admin} scope.
 */
@RestController
@RequestMapping("/admin/v1/users")
class UserAdminController {

	private final UserAccounts accounts;

	UserAdminController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<CreatedUser> create(@Valid @RequestBody CreateUser request, Authentication caller) {
		boolean generated = request.password() == null;
		String password = generated ? SecretFiles.randomToken(15) : request.password();
		UserAccount account = this.accounts.create(request.username(), password, request.roles(), request.cameras(),
				generated, caller.getName());
		return ResponseEntity.created(URI.create("/admin/v1/users/" + account.username()))
			.header("Cache-Control", "no-store")
			.body(new CreatedUser(UserView.of(account), generated ? password : null));
	}

	@GetMapping
	List<UserView> list() {
		return this.accounts.all()
			.stream()
			.sorted(Comparator.comparing(UserAccount::username))
			.map(UserView::of)
			.toList();
	}

	@GetMapping("/{username}")
	UserView get(@PathVariable String username) {
		return UserView.of(this.accounts.find(username).orElseThrow(() -> new NotFoundException("user")));
	}

	@PatchMapping("/{username}")
	UserView update(@PathVariable String username, @Valid @RequestBody UpdateUser request, Authentication caller) {
		if (UserAccounts.normalize(username).equals(UserAccounts.normalize(caller.getName()))
				&& !request.roles().contains(Scopes.ROLE_ADMIN)) {
			// Nobody locks themselves out of administration by accident.
			throw new IllegalArgumentException("administrators cannot remove their own admin role");
		}
		return UserView.of(this.accounts.update(username, request.roles(), request.cameras(), caller.getName())
			.orElseThrow(() -> new NotFoundException("user")));
	}

	@DeleteMapping("/{username}")
	ResponseEntity<Void> delete(@PathVariable String username, Authentication caller) {
		if (UserAccounts.normalize(username).equals(UserAccounts.normalize(caller.getName()))) {
			throw new IllegalArgumentException("administrators cannot delete themselves");
		}
		if (!this.accounts.delete(username, caller.getName())) {
			throw new NotFoundException("user");
		}
		return ResponseEntity.noContent().build();
	}

	record UpdateUser(@NotEmpty Set<String> roles, @Nullable List<String> cameras) {
	}

	record CreateUser(@NotBlank String username, @Nullable String password, @NotEmpty Set<String> roles,
			@Nullable List<String> cameras) {
	}

	record UserView(String username, Set<String> roles, @Nullable List<String> cameras, boolean mustChangePassword,
			boolean enabled, Instant createdAt) {

		static UserView of(UserAccount account) {
			return new UserView(account.username(), account.roles(), account.cameras(), account.mustChangePassword(),
					account.enabled(), account.createdAt());
		}

	}

	/** The new user; {@code initialPassword} only when it was generated. */
	record CreatedUser(UserView user, @Nullable String initialPassword) {
	}

}
