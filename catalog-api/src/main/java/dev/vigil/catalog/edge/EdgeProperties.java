package dev.vigil.catalog.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Edge nodes.
 *
 * @param offlineAfter an edge not heard from for this long is shown offline (edges send a
 * heartbeat every 30 s by default)
 */
@Validated
@ConfigurationProperties("vigil.catalog.edges")
public record EdgeProperties(@DefaultValue("2m") Duration offlineAfter) {

}
