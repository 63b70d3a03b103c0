package dev.vigil.catalog.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the indexer derives from detections. Bound under {@code vigil.catalog.events},
 * where the property has always been documented.
 *
 * @param personLabel the detection label that counts as a person (its best confidence is
 * stored per item as {@code personConfidence})
 */
@Validated
@ConfigurationProperties("vigil.catalog.events")
record MediaIndexProperties(@DefaultValue("person") String personLabel) {

}
