package dev.vigil.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/**
 * Tomcat answers some requests before any of a service's code sees them (an encoded
 * {@code /} or a NUL in the path, a malformed request line): its host's error report
 * valve writes an HTML page with the server's name. This valve takes that place and
 * writes the service's problem document instead.
 */
public final class ProblemReportValve extends ErrorReportValve {

	private final IntFunction<String> problem;

	private ProblemReportValve(IntFunction<String> problem) {
		this.problem = problem;
	}

	/**
	 * Swaps the host's HTML error valve for one that answers with a problem.
	 * @param factory the service's Tomcat factory (from a
	 * {@code WebServerFactoryCustomizer})
	 * @param problem the {@code application/problem+json} body for a status code of 400
	 * or more
	 */
	public static void install(TomcatServletWebServerFactory factory, IntFunction<String> problem) {
		factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				install((Context) event.getLifecycle(), problem);
			}
		}));
	}

	private static void install(Context context, IntFunction<String> problem) {
		Container host = context.getParent();
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (Arrays.stream(host.getPipeline().getValves()).noneMatch(ProblemReportValve.class::isInstance)) {
			host.getPipeline().addValve(new ProblemReportValve(problem));
		}
	}

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
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getReporter().write(this.problem.apply(code));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile.
		}
	}

}
