package dev.vigil.processing.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code detector}: which detector runs (name,
 * version), which was configured, and the reason when HOG stands in for the CNN. Always
 * UP: a fallback still detects, and detection failures never stop processing.
 */
class DetectorHealthIndicator implements HealthIndicator {

	private final DetectorSelection selection;

	DetectorHealthIndicator(DetectorSelection selection) {
		this.selection = selection;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("requested", this.selection.requested().name().toLowerCase(Locale.ROOT));
		Detector detector = this.selection.detector();
		details.put("active", (detector != null) ? detector.name() : "none");
		if (detector != null) {
			details.put("version", detector.version());
		}
		if (this.selection.fallbackReason() != null) {
			details.put("fallbackReason", this.selection.fallbackReason());
		}
		return Health.up().withDetails(details).build();
	}

}
