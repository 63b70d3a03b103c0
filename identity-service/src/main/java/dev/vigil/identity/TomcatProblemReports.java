package dev.vigil.identity;

import dev.vigil.support.ProblemReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before this service sees them (an encoded {@code /} or a NUL in
 * the path, a malformed request line) get a problem instead of Tomcat's HTML page naming
 * the server ({@link ProblemReportValve}).
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		ProblemReportValve.install(factory, TomcatProblemReports::body);
	}

	static String body(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		String title = (status != null) ? status.getReasonPhrase() : "Bad Request";
		String type = (code < 500) ? ApiErrors.INVALID_REQUEST.toString() : "about:blank";
		return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + code
				+ ",\"detail\":\"The request was refused before it reached the service.\"}";
	}

}
