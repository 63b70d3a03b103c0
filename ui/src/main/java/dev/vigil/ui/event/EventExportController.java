package dev.vigil.ui.event;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.vigil.ui.catalog.CatalogClient;
import dev.vigil.ui.web.Ids;

/**
 * "Export (zip)": relays catalog-api's zip of an event with the user's token, so the
 * browser saves it under the name catalog-api gives it
 * ({@code porch_2026-12-02_0614.zip}) without leaving the app. Streamed through, never
 * held in memory.
 */
@Controller
class EventExportController {

	private static final List<String> RELAYED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.CONTENT_DISPOSITION);

	private final CatalogClient catalog;

	EventExportController(CatalogClient catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/events/{id}/export")
	void export(@PathVariable String id, HttpServletResponse response) {
		this.catalog.eventExport(Ids.require(Ids.EVENT, id), (status, headers, body) -> {
			response.setStatus(status.value());
			for (String name : RELAYED) {
				String value = headers.getFirst(name);
				if (value != null) {
					response.setHeader(name, value);
				}
			}
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			try (InputStream in = body; OutputStream out = response.getOutputStream()) {
				in.transferTo(out);
			}
		});
	}

}
