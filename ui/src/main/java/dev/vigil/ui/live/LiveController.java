package dev.vigil.ui.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.catalog.Queries;
import dev.vigil.ui.security.SignIn;
import dev.vigil.ui.web.CameraDirectory;
import dev.vigil.ui.web.Times;

/**
 * The live page and its event stream. The browser's EventSource cannot send a bearer
 * token, and the user's token lives in the UI's session, so the UI relays catalog-api's
 * {@code /api/v1/stream} (see {@link StreamRelay}) instead of the browser connecting to
 * it through the gateway.
 */
@Controller
class LiveController {

	private final CatalogClient catalog;

	private final CameraDirectory cameras;

	private final Times times;

	private final OAuth2AuthorizedClientManager clients;

	private final StreamRelay relay;

	LiveController(CatalogClient catalog, CameraDirectory cameras, Times times, OAuth2AuthorizedClientManager clients,
			StreamRelay relay) {
		this.catalog = catalog;
		this.cameras = cameras;
		this.times = times;
		this.clients = clients;
		this.relay = relay;
	}

	@GetMapping("/live")
	String live(Model model) {
		model.addAttribute("cameras", this.cameras.byId());
		model.addAttribute("media", this.catalog.media(new Queries.Media(null, null, null, null, null, 24)).items());
		return "live";
	}

	@GetMapping(path = "/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Authentication user, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		OAuth2AuthorizedClient client = this.clients
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(SignIn.REGISTRATION)
				.principal(user)
				.attribute(HttpServletRequest.class.getName(), request)
				.attribute(HttpServletResponse.class.getName(), response)
				.build());
		if (client == null) {
			throw new ClientAuthorizationRequiredException(SignIn.REGISTRATION);
		}
		Map<String, Camera> cameraMap = this.cameras.byId();
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, ZoneId> zones = new LinkedHashMap<>();
		cameraMap.forEach((id, camera) -> {
			names.put(id, camera.label());
			zones.put(id, this.times.zone(camera));
		});
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		Duration left = (expiresAt != null) ? Duration.between(Instant.now(), expiresAt) : Duration.ofMinutes(30);
		// The stream ends when the token does; the browser reconnects and
		// gets a fresh one.
		Duration lifetime = (left.compareTo(Duration.ofSeconds(30)) < 0) ? Duration.ofSeconds(30)
				: (left.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : left);
		SseEmitter emitter = new SseEmitter(lifetime.plusSeconds(5).toMillis());
		this.relay.start(emitter, client.getAccessToken().getTokenValue(), lifetime,
				new StreamRelay.Display(names, zones, this.times.userZone()));
		return emitter;
	}

}
