package dev.vigil.catalog.review;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Review settings.
 *
 * @param alertLabels detection labels that make an event an alert rather than plain
 * motion (people, vehicles, animals: the COCO classes a camera detector reports)
 */
@Validated
@ConfigurationProperties("vigil.catalog.review")
public record ReviewProperties(@DefaultValue( {
		"person", "bicycle", "car", "motorcycle", "bus", "truck", "bird", "cat", "dog", "horse", "sheep", "cow",
		"bear" }) @NotEmpty List<String> alertLabels){

}
