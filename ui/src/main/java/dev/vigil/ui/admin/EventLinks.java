package dev.vigil.ui.admin;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/** Links back to an event page from the admin actions on it. */
final class EventLinks {

	private EventLinks() {
	}

	static String event(String eventId, @Nullable String mediaId) {
		return UriComponentsBuilder.fromPath("/events/{id}")
			.queryParamIfPresent("m", Optional.ofNullable(mediaId))
			.buildAndExpand(eventId)
			.encode()
			.toUriString();
	}

}
