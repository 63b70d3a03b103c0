package dev.vigil.ui.event;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.web.Ids;

/**
 * Pictures and clips for {@code <img>} and {@code <video>}: the browser has no token, so
 * the UI asks catalog-api with the user's token and sends the browser on to the
 * short-lived presigned URL it answers with (Range requests, and so seeking, then go to
 * the object store directly). When catalog-api streams content itself, the bytes are
 * relayed with their Range headers.
 */
@Controller
class MediaContentController {

	private static final Set<String> VARIANTS = Set.of("original", "thumbnail", "poster", "rendition");

	private static final List<String> RELAYED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED);

	private final CatalogClient catalog;

	MediaContentController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/media/{id}/{variant}")
	void content(@PathVariable String id, @PathVariable String variant,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
			@RequestParam(defaultValue = "false") boolean download, HttpServletResponse response) {
		Ids.require(Ids.MEDIA, id);
		if (!VARIANTS.contains(variant)) {
			Ids.require(Ids.MEDIA, "");
		}
		// With download, catalog-api names the file (camera and capture time) in the
		// presigned URL or in its own Content-Disposition, which is relayed.
		this.catalog.content(id, variant, range, download, (status, headers, body) -> {
			if (status.is3xxRedirection() && headers.getLocation() != null) {
				response.setStatus(303);
				response.setHeader(HttpHeaders.LOCATION, headers.getLocation().toString());
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				return;
			}
			response.setStatus(status.value());
			for (String name : RELAYED) {
				String value = headers.getFirst(name);
				if (value != null) {
					response.setHeader(name, value);
				}
			}
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
			String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
			if (download && disposition != null) {
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
			}
			try (InputStream in = body; OutputStream out = response.getOutputStream()) {
				in.transferTo(out);
			}
		});
	}

}
