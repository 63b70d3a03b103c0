package dev.vigil.notify;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people open what an alert points at.
 *
 * @param publicUrl the platform's public URL (the gateway), e.g.
 * {@code https://vigil.example.net}
 */
@ConfigurationProperties("vigil.notification")
public record Links(@DefaultValue("http://localhost:8080") URI publicUrl) {

	/**
	 * The UI page of a motion event.
	 * @param motionEventId the event
	 * @return its URL
	 */
	public String event(String motionEventId) {
		return base() + "/events/" + motionEventId;
	}

	/**
	 * The thumbnail of a media item through the UI (signed-in users).
	 * @param mediaId the catalog media id
	 * @return its URL
	 */
	public String snapshot(String mediaId) {
		return base() + "/media/" + mediaId + "/thumbnail";
	}

	private String base() {
		String url = this.publicUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
