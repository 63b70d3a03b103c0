package dev.vigil.notify.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import com.sun.net.httpserver.HttpServer;

/**
 * The other side of a webhook, as a user runs one (Home Assistant, n8n, a script): a real
 * HTTP server on a free port that records every request and answers with a chosen status.
 */
final class WebhookReceiver implements AutoCloseable {

	record Request(String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

	}

	private final HttpServer server;

	final List<Request> requests = new CopyOnWriteArrayList<>();

	final AtomicInteger calls = new AtomicInteger();

	volatile IntSupplier status = () -> 200;

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.calls.incrementAndGet();
			int answer = this.status.getAsInt();
			if (answer == 200) {
				this.requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
			}
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * Through the name an admin allowed ({@code localhost}), not the refused 127.0.0.1.
	 */
	String url(String path) {
		return "http://localhost:" + this.server.getAddress().getPort() + path;
	}

	List<Request> on(String path) {
		return this.requests.stream().filter((r) -> r.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
