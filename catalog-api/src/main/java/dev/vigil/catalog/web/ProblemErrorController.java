package dev.vigil.catalog.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (the firewall refusing an encoded {@code /} or a
 * NUL, a filter's {@code sendError}) are forwarded by the container to {@code /error};
 * this renders them in the same problem shape as the API's own errors, never Boot's
 * default JSON or an HTML page. Replaces Boot's {@code BasicErrorController}.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
	}

	static ProblemDetail problem(HttpStatus status) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
		problem.setType(ProblemTypes.forStatus(status));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	private static String detail(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "The request was refused: its URL or headers are malformed (e.g. an encoded '/' or NUL)";
			case 404 -> "No such resource";
			case 414 -> "The request URL is too long";
			case 431 -> "The request headers are too large";
			default -> (status.is5xxServerError() ? "An internal error occurred" : status.getReasonPhrase());
		};
	}

}
