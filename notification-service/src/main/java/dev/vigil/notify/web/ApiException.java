package dev.vigil.notify.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error the API answers as a problem detail.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String kind;

	private final List<FieldError> errors;

	/**
	 * What is wrong with one field.
	 *
	 * @param field the JSON field, e.g. {@code schedule.MONDAY[0].from}
	 * @param problem what is wrong
	 */
	public record FieldError(String field, String problem) {

	}

	public ApiException(HttpStatus status, String kind, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.kind = kind;
		this.errors = List.copyOf(errors);
	}

	public static ApiException invalid(List<FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request",
				errors.size() + " field(s) are invalid: "
						+ String.join("; ", errors.stream().map((e) -> e.field() + " " + e.problem()).toList()),
				errors);
	}

	public static ApiException notFound(String what, String id) {
		return new ApiException(HttpStatus.NOT_FOUND, what + "-not-found", "No " + what + " '" + id + "'", List.of());
	}

	ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create("https://vigil.dev/problems/" + this.kind));
		problem.setTitle(this.kind.replace('-', ' '));
		if (!this.errors.isEmpty()) {
			problem.setProperty("errors", this.errors);
		}
		return problem;
	}

}
