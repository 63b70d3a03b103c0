package dev.vigil.catalog.media;

import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.security.CameraScope;
import dev.vigil.catalog.storage.ObjectStore;
import dev.vigil.catalog.storage.ObjectStore.ObjectInfo;
import dev.vigil.catalog.web.ApiException;

/**
 * How content reaches the client: by default a 303 to a presigned URL, so bytes never
 * pass through this JVM; with {@code vigil.catalog.content.proxy=true} (object store not
 * reachable from browsers) streamed from here, honouring a single {@code Range}.
 */
@Component
@EnableConfigurationProperties(ContentDelivery.ContentProperties.class)
class ContentDelivery {

	private final MediaCatalog catalog;

	private final ObjectStore store;

	private final ContentProperties properties;

	private final CameraRegistry cameras;

	ContentDelivery(MediaCatalog catalog, ObjectStore store, CameraRegistry cameras, ContentProperties properties) {
		this.catalog = catalog;
		this.cameras = cameras;
		this.store = store;
		this.properties = properties;
	}

	ResponseEntity<StreamingResponseBody> deliver(String mediaId, ContentVariant variant, CameraScope scope,
			@Nullable String range, boolean download) {
		if (!this.properties.proxy() && !download) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(java.net.URI.create(this.catalog.contentUrl(mediaId, variant, scope)))
				.cacheControl(CacheControl.noStore())
				.build();
		}
		MediaDocument media = this.catalog.get(mediaId, scope);
		String key = variant.key(media);
		if (!this.properties.proxy()) {
			if (key == null || media.bucket() == null) {
				throw new ApiException(HttpStatus.NOT_FOUND, "variant-not-found", "No such variant",
						"Media " + mediaId + " has no " + variant.name().toLowerCase(Locale.ROOT));
			}
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(java.net.URI
					.create(this.store.presignedGet(media.bucket(), key, DownloadName.of(media, key, zone(media)))))
				.cacheControl(CacheControl.noStore())
				.build();
		}
		ObjectInfo info = (key != null && media.bucket() != null) ? this.store.stat(media.bucket(), key) : null;
		if (key == null || info == null) {
			throw new ApiException(HttpStatus.NOT_FOUND, "variant-not-found", "No such variant",
					"Media " + mediaId + " has no " + variant.name().toLowerCase(Locale.ROOT));
		}
		long size = info.size();
		long start = 0;
		long end = size - 1;
		HttpStatus status = HttpStatus.OK;
		if (range != null) {
			List<HttpRange> ranges;
			try {
				ranges = HttpRange.parseRanges(range);
			}
			catch (IllegalArgumentException ex) {
				throw unsatisfiable(size);
			}
			// Several ranges would need multipart/byteranges; browsers and players ask
			// for
			// one, and answering the whole object is allowed.
			if (ranges.size() == 1) {
				HttpRange only = ranges.getFirst();
				try {
					start = only.getRangeStart(size);
					end = only.getRangeEnd(size);
				}
				catch (IllegalArgumentException ex) {
					throw unsatisfiable(size);
				}
				if (start > end || start >= size) {
					throw unsatisfiable(size);
				}
				status = HttpStatus.PARTIAL_CONTENT;
			}
		}
		long length = end - start + 1;
		String bucket = media.bucket();
		long offset = start;
		StreamingResponseBody body = (out) -> {
			try (InputStream in = this.store.open(bucket, key, offset, length)) {
				in.transferTo(out);
			}
		};
		// Typed as StreamingResponseBody: that type is what makes MVC stream it
		// asynchronously.
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.cacheControl(CacheControl.noStore())
			.contentLength(length)
			.contentType((info.contentType() != null) ? MediaType.parseMediaType(info.contentType())
					: MediaType.APPLICATION_OCTET_STREAM);
		if (status == HttpStatus.PARTIAL_CONTENT) {
			response.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
		}
		if (download) {
			response.header(HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(DownloadName.of(media, key, zone(media)))
						.build()
						.toString());
		}
		return response.body(body);
	}

	/** The camera's own zone names the file as its clock showed it; else UTC. */
	private ZoneId zone(MediaDocument media) {
		return this.cameras.find(media.cameraId())
			.map((camera) -> camera.timeZone())
			.filter((zone) -> zone != null && ZoneId.getAvailableZoneIds().contains(zone))
			.map(ZoneId::of)
			.orElse(ZoneOffset.UTC);
	}

	private static ApiException unsatisfiable(long size) {
		return new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
				"Range not satisfiable", "The object has " + size + " bytes");
	}

	/**
	 * Content delivery.
	 *
	 * @param proxy stream content through this service instead of redirecting to the
	 * object store
	 */
	@ConfigurationProperties("vigil.catalog.content")
	record ContentProperties(@DefaultValue("false") boolean proxy) {

	}

}
