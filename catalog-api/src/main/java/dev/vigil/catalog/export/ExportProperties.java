package dev.vigil.catalog.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event export.
 *
 * @param maxItems most media items one zip may hold; a larger event is refused with a
 * ProblemDetail (export a narrower range of media instead)
 */
@ConfigurationProperties("vigil.catalog.export")
record ExportProperties(@DefaultValue("500") int maxItems) {

}
