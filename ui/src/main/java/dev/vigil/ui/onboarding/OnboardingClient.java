package dev.vigil.ui.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.TokenRelay;

/**
 * catalog-api's camera onboarding and edge node calls, with the signed-in user's token.
 */
@Component
class OnboardingClient {

	private static final String API = "/api/v1";

	private final RestClient rest;

	OnboardingClient(@Qualifier(TokenRelay.CATALOG) RestClient rest) {
		this.rest = rest;
	}

	List<Edge> edges() {
		List<Edge> edges = CatalogClient.call(
				() -> this.rest.get().uri(API + "/edges").retrieve().body(new ParameterizedTypeReference<List<Edge>>() {
				}));
		return (edges != null) ? edges : List.of();
	}

	Added add(Map<String, Object> camera) {
		return CatalogClient
			.call(() -> this.rest.post().uri(API + "/cameras").body(camera).retrieve().body(Added.class));
	}

	/** Whether a camera is enabled (absent means enabled) and its name. */
	CameraState state(String cameraId) {
		return CatalogClient
			.call(() -> this.rest.get().uri(API + "/cameras/{id}", cameraId).retrieve().body(CameraState.class));
	}

	Setup setup(String cameraId) {
		return CatalogClient
			.call(() -> this.rest.get().uri(API + "/cameras/{id}/setup", cameraId).retrieve().body(Setup.class));
	}

	Added resetPassword(String cameraId) {
		return CatalogClient
			.call(() -> this.rest.post().uri(API + "/cameras/{id}/password", cameraId).retrieve().body(Added.class));
	}

	void setEnabled(String cameraId, boolean enabled) {
		CatalogClient.call(() -> this.rest.patch()
			.uri(API + "/cameras/{id}", cameraId)
			.body(Map.of("enabled", enabled))
			.retrieve()
			.toBodilessEntity());
	}

	Deleted delete(String cameraId, boolean deleteMedia) {
		return CatalogClient.call(() -> this.rest.delete()
			.uri(API + "/cameras/{id}?deleteMedia={deleteMedia}", cameraId, deleteMedia)
			.retrieve()
			.body(Deleted.class));
	}

	/** The parts of a camera the onboarding pages need beyond {@code Camera}. */
	record CameraState(String id, @Nullable String name, @Nullable Boolean enabled) {

		public boolean isEnabled() {
			return !Boolean.FALSE.equals(this.enabled);
		}

	}

	/** An edge node as catalog-api lists it. */
	record Edge(String id, boolean online, @Nullable Instant lastHeardAt, @Nullable String version,
			@Nullable Integer spoolDepth, @Nullable Long spoolBytes, @Nullable Long freeDiskBytes,
			@Nullable Integer cameras, @Nullable List<Endpoint> endpoints) {

	}

	/** Where cameras reach an edge. */
	record Endpoint(String protocol, @Nullable String host, int port, @Nullable String passivePorts) {

	}

	/** The settings card. */
	record Setup(String cameraId, String edgeNodeId, boolean edgeOnline, String protocol, @Nullable String host,
			@Nullable Integer port, @Nullable String passivePorts, String user, String remoteDirectory) {

		public boolean ftp() {
			return !"SFTP".equals(this.protocol);
		}

	}

	/** A camera just added, or a new password: {@code password} is shown once. */
	record Added(@Nullable Map<String, Object> camera, Setup setup, String password) {

	}

	record Deleted(String cameraId, boolean deleteMedia, long mediaDeleted, long mediaKeptOnHold) {

	}

}
