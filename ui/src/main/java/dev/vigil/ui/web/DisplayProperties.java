package dev.vigil.ui.web;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How times are shown.
 *
 * @param timeZone zone for cameras without their own zone and users whose browser did not
 * say; unset means the server's zone (on a Pi at home, the household's zone)
 */
@Validated
@ConfigurationProperties("vigil.ui.display")
public record DisplayProperties(@Nullable ZoneId timeZone) {

	public ZoneId zone() {
		return (this.timeZone != null) ? this.timeZone : ZoneId.systemDefault();
	}

}
