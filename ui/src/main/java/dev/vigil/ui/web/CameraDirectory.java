package dev.vigil.ui.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.vigil.ui.catalog.Camera;
import dev.vigil.ui.catalog.CatalogClient;

/**
 * The cameras a user may see, by id, for names, zones and filters. Asked per page view:
 * the list is small and catalog-api caches it.
 */
@Component
public class CameraDirectory {

	private final CatalogClient catalog;

	CameraDirectory(CatalogClient catalog) {
		this.catalog = catalog;
	}

	public Map<String, Camera> byId() {
		List<Camera> cameras = this.catalog.cameras();
		Map<String, Camera> byId = new LinkedHashMap<>();
		cameras.stream()
			.sorted(java.util.Comparator.comparing(Camera::label, String.CASE_INSENSITIVE_ORDER))
			.forEach((camera) -> byId.put(camera.id(), camera));
		return byId;
	}

}
