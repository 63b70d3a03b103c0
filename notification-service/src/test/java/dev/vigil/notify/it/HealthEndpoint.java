package dev.vigil.notify.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A service's actuator health endpoint as the system checks see it: a real HTTP server
 * answering {@code 200 {"status":"UP"}} or, once put down, {@code 503 {"status":"DOWN"}}.
 */
final class HealthEndpoint {

	private final HttpServer server;

	volatile boolean up = true;

	private HealthEndpoint(HttpServer server) {
		this.server = server;
	}

	static HealthEndpoint start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			HealthEndpoint endpoint = new HealthEndpoint(server);
			server.createContext("/actuator/health", (exchange) -> {
				byte[] body = (endpoint.up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(endpoint.up ? 200 : 503, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return endpoint;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/actuator/health";
	}

}
