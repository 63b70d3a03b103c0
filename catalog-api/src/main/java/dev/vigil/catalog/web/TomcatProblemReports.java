package dev.vigil.catalog.web;

import dev.vigil.support.ProblemReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before this service sees them (an encoded {@code /} or a NUL in
 * the path, a malformed request line) get the problem of {@link ProblemErrorController}
 * instead of Tomcat's HTML page ({@link ProblemReportValve}).
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		ProblemReportValve.install(factory, TomcatProblemReports::body);
	}

	static String body(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		var problem = ProblemErrorController.problem((status != null) ? status : HttpStatus.BAD_REQUEST);
		return "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":" + code
				+ ",\"detail\":\"" + problem.getDetail().replace("\"", "'") + "\"}";
	}

}
