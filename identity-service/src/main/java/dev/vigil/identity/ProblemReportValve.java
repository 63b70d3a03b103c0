package dev.vigil.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests before any of this service's code sees them (an encoded
 * {@code /} or a NUL in the path, a malformed request line) with an HTML page naming the
 * server. This valve takes the place of that report and writes a problem instead.
 */
class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		String title = (status != null) ? status.getReasonPhrase() : "Bad Request";
		String type = (code < 500) ? ApiErrors.INVALID_REQUEST.toString() : "about:blank";
		String body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + code
				+ ",\"detail\":\"The request was refused before it reached the service.\"}";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getReporter().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile.
		}
	}

	/** Swaps the host's HTML error valve for this one before the first request. */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
					install((Context) event.getLifecycle());
				}
			}));
		}

		private static void install(Context context) {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
					host.getPipeline().removeValve(valve);
				}
			}
			if (Arrays.stream(host.getPipeline().getValves()).noneMatch(ProblemReportValve.class::isInstance)) {
				host.getPipeline().addValve(new ProblemReportValve());
			}
		}

	}

}
