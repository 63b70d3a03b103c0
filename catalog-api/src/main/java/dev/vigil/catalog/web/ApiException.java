package dev.vigil.catalog.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that the API refuses for a reason the client can act on. Rendered as an RFC
 * 9457 problem whose {@code type} names the kind of error, so clients can branch on it.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String kind;

	private final String title;

	private final Map<String, Object> properties;

	public ApiException(HttpStatus status, String kind, String title, String detail) {
		this(status, kind, title, detail, Map.of());
	}

	/**
	 * A refusal with extra members in the problem (RFC 9457 extensions), e.g. the
	 * candidates a client can choose from.
	 * @param status HTTP status
	 * @param kind the problem kind, last segment of {@code type}
	 * @param title short summary
	 * @param detail what happened
	 * @param properties extension members
	 */
	public ApiException(HttpStatus status, String kind, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.kind = kind;
		this.title = title;
		this.properties = Map.copyOf(properties);
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

	public Map<String, Object> properties() {
		return this.properties;
	}

}
