package dev.vigil.identity.clients;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.vigil.identity.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for integrator clients: {@code POST} creates (the secret is in that response
 * only), {@code GET} lists, {@code POST /{id}/rotate} replaces the secret, {@code DELETE
 * /{id}} revokes. Needs a token with the {@code admin} scope.
 */
@RestController
@RequestMapping("/admin/v1/clients")
class ClientAdminController {

	private final IntegratorClients clients;

	private final Clock clock = Clock.systemUTC();

	ClientAdminController(IntegratorClients clients) {
		this.clients = clients;
	}

	@PostMapping
	ResponseEntity<ClientWithSecret> create(@Valid @RequestBody CreateClient request, Authentication caller) {
		IntegratorClients.Issued issued = this.clients.create(request.name(), request.scopes(), request.cameras(),
				request.expiresAt(), caller.getName());
		return ResponseEntity.created(URI.create("/admin/v1/clients/" + issued.client().clientId()))
			.header("Cache-Control", "no-store")
			.body(ClientWithSecret.of(issued, this.clock.instant()));
	}

	@GetMapping
	List<ClientView> list() {
		Instant now = this.clock.instant();
		return this.clients.list().stream().map((client) -> ClientView.of(client, now)).toList();
	}

	@GetMapping("/{clientId}")
	ClientView get(@PathVariable String clientId) {
		return ClientView.of(this.clients.find(clientId).orElseThrow(() -> new NotFoundException("client")),
				this.clock.instant());
	}

	@PostMapping("/{clientId}/rotate")
	ResponseEntity<ClientWithSecret> rotate(@PathVariable String clientId, Authentication caller) {
		IntegratorClients.Issued issued = this.clients.rotate(clientId, caller.getName())
			.orElseThrow(() -> new NotFoundException("active client"));
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(ClientWithSecret.of(issued, this.clock.instant()));
	}

	@DeleteMapping("/{clientId}")
	ClientView revoke(@PathVariable String clientId, Authentication caller) {
		return ClientView.of(
				this.clients.revoke(clientId, caller.getName()).orElseThrow(() -> new NotFoundException("client")),
				this.clock.instant());
	}

	record CreateClient(@NotBlank @Size(max = 100) String name, @NotEmpty Set<String> scopes,
			@Nullable List<String> cameras, @Nullable Instant expiresAt) {
	}

	record ClientView(String clientId, String name, Set<String> scopes, @Nullable List<String> cameras,
			Instant createdAt, String createdBy, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
			@Nullable Instant secretRotatedAt, IntegratorClient.Status status) {

		static ClientView of(IntegratorClient client, Instant now) {
			return new ClientView(client.clientId(), client.name(), client.scopes(), client.cameras(),
					client.createdAt(), client.createdBy(), client.expiresAt(), client.revokedAt(),
					client.secretRotatedAt(), client.status(now));
		}

	}

	record ClientWithSecret(String clientId, String clientSecret, String name, Set<String> scopes,
			@Nullable List<String> cameras, @Nullable Instant expiresAt, IntegratorClient.Status status) {

		static ClientWithSecret of(IntegratorClients.Issued issued, Instant now) {
			IntegratorClient client = issued.client();
			return new ClientWithSecret(client.clientId(), issued.secret(), client.name(), client.scopes(),
					client.cameras(), client.expiresAt(), client.status(now));
		}

	}

}
