package dev.vigil.ingest.admin;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The edge's one error mapper: RFC 9457 problem details with a stable {@code type} per
 * kind of error, never a stack trace.
 */
@RestControllerAdvice
class ApiErrors {

	static final String TYPE_BASE = "https://vigil.dev/problems/";

	@ExceptionHandler(Unauthorized.class)
	ResponseEntity<ProblemDetail> unauthorized(Unauthorized ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil-edge\"")
			.body(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", ex.getMessage()));
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict ex) {
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict", ex.getMessage());
	}

	@ExceptionHandler(Invalid.class)
	ProblemDetail invalid(Invalid ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid request body");
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "request body is not valid JSON");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	static final class Unauthorized extends RuntimeException {

		Unauthorized(String message) {
			super(message);
		}

	}

	static final class NotFound extends RuntimeException {

		NotFound(String what, String id) {
			super(what + " '" + id + "' not found");
		}

	}

	static final class Conflict extends RuntimeException {

		Conflict(String message) {
			super(message);
		}

	}

	static final class Invalid extends RuntimeException {

		Invalid(String field, String message) {
			super(field + ": " + message);
		}

	}

}
