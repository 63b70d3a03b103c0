package dev.vigil.catalog.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API ({@code vigil.catalog.web.*}).
 *
 * @param maxBodySize largest request body the API reads; its JSON bodies are a few
 * hundred bytes, so anything near this is abuse
 */
@ConfigurationProperties("vigil.catalog.web")
record WebProperties(@DefaultValue("64KB") DataSize maxBodySize) {

}
