package dev.vigil.ui.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * catalog-api's {@code /api/v1}, called with the signed-in user's access token (the
 * {@link TokenRelay} interceptor adds it and refreshes it). The UI keeps no data of its
 * own: every page is built from these calls.
 */
@Component
public class CatalogClient {

	private static final String API = "/api/v1";

	private final RestClient rest;

	private final JsonMapper json;

	CatalogClient(@Qualifier(TokenRelay.CATALOG) RestClient rest, JsonMapper json) {
		this.rest = rest;
		this.json = json;
	}

	public List<Camera> cameras() {
		JsonNode body = call(() -> this.rest.get().uri(API + "/cameras").retrieve().body(JsonNode.class));
		return items(body, Camera.class);
	}

	public Camera camera(String id) {
		return call(() -> this.rest.get().uri(API + "/cameras/{id}", id).retrieve().body(Camera.class));
	}

	public CameraHealth cameraHealth(String id) {
		return call(() -> this.rest.get().uri(API + "/cameras/{id}/health", id).retrieve().body(CameraHealth.class));
	}

	public Camera updateCamera(String id, Map<String, Object> changes) {
		return call(() -> this.rest.patch().uri(API + "/cameras/{id}", id).body(changes).retrieve().body(Camera.class));
	}

	public Page<Event> events(Queries.Events query) {
		return call(() -> this.rest.get().uri((uri) -> {
			uri.path(API + "/events");
			param(uri, "camera", query.camera());
			param(uri, "from", query.from());
			param(uri, "to", query.to());
			param(uri, "label", query.label());
			param(uri, "minConfidence", query.minConfidence());
			param(uri, "cursor", query.cursor());
			return uri.queryParam("limit", query.limit()).build();
		}).retrieve().body(new ParameterizedTypeReference<Page<Event>>() {
		}));
	}

	public Event event(String id) {
		return call(() -> this.rest.get().uri(API + "/events/{id}", id).retrieve().body(Event.class));
	}

	public Page<Media> media(Queries.Media query) {
		return call(() -> this.rest.get().uri((uri) -> {
			uri.path(API + "/media");
			param(uri, "camera", query.camera());
			param(uri, "from", query.from());
			param(uri, "to", query.to());
			param(uri, "eventId", query.eventId());
			param(uri, "cursor", query.cursor());
			return uri.queryParam("limit", query.limit()).build();
		}).retrieve().body(new ParameterizedTypeReference<Page<Media>>() {
		}));
	}

	/**
	 * Every page of a media listing, up to a bound (a busy camera day can hold hundreds).
	 * @param query the first page's query
	 * @param maxItems stop after this many
	 * @return the items, newest first
	 */
	public List<Media> allMedia(Queries.Media query, int maxItems) {
		List<Media> all = new ArrayList<>();
		Queries.Media next = query;
		while (true) {
			Page<Media> page = media(next);
			all.addAll(page.items());
			if (page.nextCursor() == null || all.size() >= maxItems || page.items().isEmpty()) {
				return (all.size() > maxItems) ? all.subList(0, maxItems) : all;
			}
			next = new Queries.Media(query.camera(), query.from(), query.to(), query.eventId(), page.nextCursor(),
					query.limit());
		}
	}

	public Media mediaItem(String id) {
		return call(() -> this.rest.get().uri(API + "/media/{id}", id).retrieve().body(Media.class));
	}

	public Media feedback(String mediaId, int detection, boolean falsePositive, @Nullable String comment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detection", detection);
		body.put("falsePositive", falsePositive);
		if (comment != null && !comment.isBlank()) {
			body.put("comment", comment);
		}
		return call(() -> this.rest.post()
			.uri(API + "/media/{id}/feedback", mediaId)
			.body(body)
			.retrieve()
			.body(Media.class));
	}

	/**
	 * Places or lifts a legal hold on a media item or a whole event.
	 * @param target {@code media} or {@code events}
	 * @param id its id
	 * @param hold place (true) or lift (false)
	 * @param reason why, for the audit log
	 */
	public void legalHold(String target, String id, boolean hold, @Nullable String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("hold", hold);
		if (reason != null && !reason.isBlank()) {
			body.put("reason", reason);
		}
		call(() -> this.rest.put()
			.uri(API + "/{target}/{id}/legal-hold", target, id)
			.body(body)
			.retrieve()
			.toBodilessEntity());
	}

	/**
	 * Events with the signed-in person's review state, newest first.
	 * @param query the search
	 * @return one page
	 */
	public Page<Review.ReviewedEvent> reviewSearch(Queries.ReviewSearch query) {
		return call(() -> this.rest.get().uri((uri) -> {
			uri.path(API + "/reviews/events");
			query.cameras().forEach((camera) -> uri.queryParam("camera", camera));
			query.labels().forEach((label) -> uri.queryParam("label", label));
			param(uri, "from", query.from());
			param(uri, "to", query.to());
			param(uri, "kind", query.kind());
			param(uri, "reviewed", query.reviewed());
			param(uri, "held", query.held());
			param(uri, "cursor", query.cursor());
			return uri.queryParam("limit", query.limit()).build();
		}).retrieve().body(new ParameterizedTypeReference<Page<Review.ReviewedEvent>>() {
		}));
	}

	public Review.ReviewedEvent reviewState(String eventId) {
		return call(() -> this.rest.get()
			.uri(API + "/reviews/events/{id}", eventId)
			.retrieve()
			.body(Review.ReviewedEvent.class));
	}

	public Review.Summary reviewSummary() {
		return call(() -> this.rest.get().uri(API + "/reviews/summary").retrieve().body(Review.Summary.class));
	}

	public Review.ReviewedEvent markReviewed(String eventId, boolean reviewed) {
		return call(() -> this.rest.put()
			.uri(API + "/reviews/events/{id}", eventId)
			.body(Map.of("reviewed", reviewed))
			.retrieve()
			.body(Review.ReviewedEvent.class));
	}

	public Review.Summary markAllReviewed(Instant upTo) {
		return call(() -> this.rest.post()
			.uri(API + "/reviews/mark-all")
			.body(Map.of("upTo", upTo.toString()))
			.retrieve()
			.body(Review.Summary.class));
	}

	/**
	 * Deletes a media item and its objects (admin); catalog-api refuses one on legal hold
	 * with 409 and audits the deletion.
	 * @param id media id
	 */
	public void deleteMedia(String id) {
		call(() -> this.rest.delete().uri(API + "/media/{id}", id).retrieve().toBodilessEntity());
	}

	public Stats stats(@Nullable Instant from, @Nullable Instant to) {
		return call(() -> this.rest.get().uri((uri) -> {
			uri.path(API + "/stats");
			param(uri, "from", from);
			param(uri, "to", to);
			return uri.build();
		}).retrieve().body(Stats.class));
	}

	public Page<AuditEntry> audit(@Nullable String action, @Nullable String cursor, int limit) {
		return call(() -> this.rest.get().uri((uri) -> {
			uri.path(API + "/audit");
			param(uri, "action", action);
			param(uri, "cursor", cursor);
			return uri.queryParam("limit", limit).build();
		}).retrieve().body(new ParameterizedTypeReference<Page<AuditEntry>>() {
		}));
	}

	/**
	 * Asks for a media item's content and hands the answer to a sink: a redirect to a
	 * presigned URL (the normal case), or the bytes when catalog-api streams them itself.
	 * @param id media id
	 * @param variant original, thumbnail, poster or rendition
	 * @param range the browser's Range header, passed on for seeking
	 * @param download whether to save it as a named file (catalog-api names it)
	 * @param sink receives status, headers and body
	 */
	public void content(String id, String variant, @Nullable String range, boolean download, ContentSink sink) {
		call(() -> this.rest.get()
			.uri(API + "/media/{id}/content?variant={variant}&download={download}", id, variant, download)
			.headers(
					(headers) -> Optional.ofNullable(range).ifPresent((value) -> headers.set(HttpHeaders.RANGE, value)))
			.exchange((request, response) -> {
				if (response.getStatusCode().isError()) {
					throw TokenRelay.problem(response.getStatusCode(), response.getBody(), this.json);
				}
				sink.accept(response.getStatusCode(), response.getHeaders(), response.getBody());
				return Boolean.TRUE;
			}));
	}

	/**
	 * Asks for an event as a zip and hands the stream to a sink; catalog-api names the
	 * file in {@code Content-Disposition}.
	 * @param id event id
	 * @param sink receives status, headers and body
	 */
	public void eventExport(String id, ContentSink sink) {
		call(() -> this.rest.get().uri(API + "/events/{id}/export", id).exchange((request, response) -> {
			if (response.getStatusCode().isError()) {
				throw TokenRelay.problem(response.getStatusCode(), response.getBody(), this.json);
			}
			sink.accept(response.getStatusCode(), response.getHeaders(), response.getBody());
			return Boolean.TRUE;
		}));
	}

	private <T> List<T> items(@Nullable JsonNode body, Class<T> type) {
		if (body == null) {
			return List.of();
		}
		// Lists come either bare or as a page; accept both so the UI does
		// not break on either.
		JsonNode array = body.isArray() ? body : body.path("items");
		List<T> result = new ArrayList<>();
		for (JsonNode node : array) {
			result.add(this.json.treeToValue(node, type));
		}
		return result;
	}

	private static void param(UriBuilder uri, String name, @Nullable Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			uri.queryParam(name, String.valueOf(value));
		}
	}

	/**
	 * Runs a call to catalog-api, turning a lost sign-in and an unreachable API into the
	 * exceptions the error pages know.
	 * @param call the call
	 * @return its result
	 */
	public static <T> T call(Supplier<T> call) {
		return TokenRelay.call("catalog-api", call);
	}

	/** Receives a content response. */
	@FunctionalInterface
	public interface ContentSink {

		void accept(HttpStatusCode status, HttpHeaders headers, InputStream body) throws IOException;

	}

}
