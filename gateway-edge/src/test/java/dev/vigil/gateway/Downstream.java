package dev.vigil.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for a service behind the gateway: by default it answers
 * with what it received (service name, method, path, headers, body size) as JSON.
 */
public final class Downstream implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** What a handler returns: status and JSON body. */
	public record Reply(int status, Object body) {
	}

	/** Raw paths of the requests received, oldest first. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	public static Downstream echo(String name) {
		return new Downstream(name, null);
	}

	public static Downstream handling(String name, Function<HttpExchange, Reply> handler) {
		return new Downstream(name, handler);
	}

	private Downstream(String name, Function<HttpExchange, Reply> handler) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				this.requests.add(exchange.getRequestURI().getRawPath());
				long size = in.transferTo(java.io.OutputStream.nullOutputStream());
				Reply reply;
				byte[] bytes;
				try {
					reply = (handler != null) ? handler.apply(exchange) : new Reply(200, echoed(name, exchange, size));
					bytes = JSON.writeValueAsBytes(reply.body());
				}
				catch (RuntimeException | Error ex) {
					// Visible in the test output instead of a bare connection reset.
					ex.printStackTrace();
					reply = new Reply(500, Map.of("error", String.valueOf(ex)));
					bytes = JSON.writeValueAsBytes(reply.body());
				}
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(reply.status(), bytes.length);
				exchange.getResponseBody().write(bytes);
			}
		});
		this.server.start();
	}

	private static Map<String, Object> echoed(String name, HttpExchange exchange, long size) {
		// Header names in lower case, so tests need not
		// guess the server's capitalisation.
		Map<String, String> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(",", values)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", name);
		body.put("method", exchange.getRequestMethod());
		body.put("path", exchange.getRequestURI().toString());
		body.put("headers", headers);
		body.put("bodyBytes", size);
		return body;
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** Bearer token of a request, or null. */
	public static String bearer(HttpExchange exchange) {
		List<String> values = exchange.getRequestHeaders().get("Authorization");
		if (values == null || values.isEmpty() || !values.get(0).startsWith("Bearer ")) {
			return null;
		}
		return values.get(0).substring(7);
	}

}
