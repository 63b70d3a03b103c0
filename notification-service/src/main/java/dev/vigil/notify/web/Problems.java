package dev.vigil.notify.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as an RFC 9457 problem detail with a stable type; never a stack trace.
 */
@RestControllerAdvice
class Problems {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	@ExceptionHandler(ApiException.class)
	ProblemDetail api(ApiException ex) {
		return ex.problem();
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "unreadable-body",
				"The body is not JSON of the expected shape (types, enum values, required fields)");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HandlerMethodValidationException.class })
	ProblemDetail badParameter(Exception ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A parameter is missing or invalid");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", ex.getMessage());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send application/json");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail notFound(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "No such resource");
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("Unexpected error answering a request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong; see the logs");
	}

	private static ProblemDetail problem(HttpStatus status, String kind, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://vigil.dev/problems/" + kind));
		problem.setTitle(kind.replace('-', ' '));
		return problem;
	}

}
