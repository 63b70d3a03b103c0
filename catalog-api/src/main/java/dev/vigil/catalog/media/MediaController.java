package dev.vigil.catalog.media;

import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.Cursor;
import dev.vigil.catalog.web.Ids;
import dev.vigil.catalog.web.Page;
import dev.vigil.catalog.web.TimeRange;
import dev.vigil.contracts.MediaKind;

@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media", description = "Pictures and clips, newest first, with detections and content links")
class MediaController {

	private final MediaCatalog catalog;

	private final CurrentCaller caller;

	private final HotListCache cache;

	private final ContentDelivery content;

	MediaController(MediaCatalog catalog, CurrentCaller caller, HotListCache cache, ContentDelivery content) {
		this.catalog = catalog;
		this.caller = caller;
		this.cache = cache;
		this.content = content;
	}

	@GetMapping
	@Operation(summary = "List media, newest first",
			description = "Cursor-paged: pass nextCursor back as cursor. Pages stay stable while new media arrive.")
	Page<MediaView> list(
			@Parameter(example = "driveway") @RequestParam(required = false) @Pattern(
					regexp = Ids.CAMERA) @Nullable String camera,
			@Parameter(example = "VIDEO") @RequestParam(required = false) @Nullable MediaKind kind,
			@Parameter(example = "2016-08-30T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@Parameter(example = "2016-08-31T00:00:00Z") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@Parameter(example = "person") @RequestParam(required = false) @Pattern(
					regexp = Ids.LABEL) @Nullable String label,
			@Parameter(example = "0.5") @RequestParam(
					required = false) @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double minConfidence,
			@RequestParam(required = false) @Nullable MediaStatus status,
			@RequestParam(required = false) @Pattern(regexp = Ids.EVENT) @Nullable String eventId,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		MediaFilter filter = new MediaFilter(camera, kind, new TimeRange(from, to), label, minConfidence, status,
				eventId);
		Cursor position = Cursor.decode(cursor);
		String cached = HotListCache.variant(filter, cursor, limit);
		if (cached != null) {
			this.caller.scope().check(camera);
			return this.cache.get(camera, cached,
					() -> this.catalog.find(filter, this.caller.scope(), position, limit));
		}
		return this.catalog.find(filter, this.caller.scope(), position, limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One media item with its detections",
			description = "id is <cameraId>.<sha256>, or the bare SHA-256 of the content when exactly one item "
					+ "visible to this token has it; every /media/{id} path accepts both.")
	@ApiResponse(responseCode = "404", description = "No such media (or not visible to this token)")
	@ApiResponse(responseCode = "409",
			description = "media-ambiguous: several visible items (of different cameras) have this SHA-256; "
					+ "the problem's 'media' lists their ids and cameras")
	MediaView get(@Parameter(
			example = "driveway.9f2c1a7d5e4b3c2a1f0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffee") @PathVariable @Pattern(
					regexp = Ids.MEDIA) String id) {
		return MediaView.of(this.catalog.get(id, this.caller.scope()));
	}

	@GetMapping("/{id}/content")
	@Operation(summary = "The content of a media item",
			description = "303 to a short-lived presigned URL of the object store, where Range works; or, with "
					+ "vigil.catalog.content.proxy=true, the bytes themselves with single-Range support.")
	@ApiResponse(responseCode = "303", description = "Location holds the presigned URL")
	@ApiResponse(responseCode = "404", description = "No such media, or it has no such variant")
	ResponseEntity<StreamingResponseBody> content(@PathVariable @Pattern(regexp = Ids.MEDIA) String id,
			@Parameter(example = "thumbnail") @RequestParam(defaultValue = "original") @Pattern(
					regexp = "original|thumbnail|poster|rendition") String variant,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Size(max = 200) @Nullable String range,
			@Parameter(description = "save as a file named after camera and capture time, e.g. "
					+ "porch_2026-12-02_061423.jpg (Content-Disposition: attachment)") @RequestParam(
							defaultValue = "false") boolean download) {
		return this.content.deliver(id, ContentVariant.valueOf(variant.toUpperCase(Locale.ROOT)), this.caller.scope(),
				range, download);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a media item and its objects (admin)",
			description = "Refused with 409 while under legal hold. Audited.")
	ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = Ids.MEDIA) String id) {
		MediaDocument media = this.catalog.get(id, this.caller.scope());
		this.catalog.delete(media, this.caller.name(), "deleted by admin");
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/legal-hold")
	@Operation(summary = "Place or lift a legal hold (admin)")
	MediaView hold(@PathVariable @Pattern(regexp = Ids.MEDIA) String id, @Valid @RequestBody HoldRequest request) {
		MediaDocument media = this.catalog.get(id, this.caller.scope());
		this.catalog.hold(media, request.hold(), this.caller.name(), request.reason());
		return MediaView.of(this.catalog.get(id, this.caller.scope()));
	}

	@PostMapping("/{id}/feedback")
	@Operation(summary = "Mark a detection right or wrong (media:write)",
			description = "Feeds the false-positive statistics; the detection stays, flagged.")
	MediaView feedback(@PathVariable @Pattern(regexp = Ids.MEDIA) String id,
			@Valid @RequestBody FeedbackRequest request) {
		MediaDocument media = this.catalog.get(id, this.caller.scope());
		return this.catalog.feedback(media, request.detection(), request.falsePositive(), request.comment(),
				this.caller.name());
	}

	/**
	 * A legal hold change.
	 *
	 * @param hold place (true) or lift (false)
	 * @param reason why, for the audit log
	 */
	record HoldRequest(boolean hold, @Size(max = 500) @Nullable String reason) {

	}

	/**
	 * A verdict on one detection.
	 *
	 * @param detection the detection's index
	 * @param falsePositive whether it was wrong
	 * @param comment optional note
	 */
	record FeedbackRequest(@Min(0) @Max(10_000) int detection, boolean falsePositive,
			@Size(max = 1000) @Nullable String comment) {

	}

}
