package dev.vigil.catalog.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.vigil.catalog.security.CurrentCaller;

@RestController
@Tag(name = "Live", description = "Server-sent events for new and changed media")
class StreamController {

	private final LiveUpdates live;

	private final CurrentCaller caller;

	StreamController(LiveUpdates live, CurrentCaller caller) {
		this.live = live;
		this.caller = caller;
	}

	@GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live media changes",
			description = "Events named uploaded, processed or deleted, data = {change, mediaId, cameraId, kind, takenAt, "
					+ "receivedAt, eventId, personConfidence}; only cameras the token may see. A ready event opens the stream.")
	SseEmitter stream() {
		return this.live.subscribe(this.caller.scope(), this.caller.name());
	}

}
