package dev.vigil.catalog.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A request that the API refuses for a reason the client can act on. Rendered as an RFC
 * 9457 problem whose {@code type} names the kind of error, so clients can branch on it.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String kind;

	private final String title;

	public ApiException(HttpStatus status, String kind, String title, String detail) {
		super(detail);
		this.status = status;
		this.kind = kind;
		this.title = title;
	}

	public static ApiException notFound(String what, String id) {
		return new ApiException(HttpStatus.NOT_FOUND, what + "-not-found", "No such " + what,
				"No " + what + " with id " + id);
	}

	public static ApiException badParameter(String parameter, String problem) {
		return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
				parameter + " " + problem);
	}

	public static ApiException cameraForbidden(String cameraId) {
		return new ApiException(HttpStatus.FORBIDDEN, "camera-forbidden", "Camera not in token scope",
				"This token is not allowed to see camera " + cameraId);
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return ProblemTypes.of(this.kind);
	}

	public String title() {
		return this.title;
	}

}
