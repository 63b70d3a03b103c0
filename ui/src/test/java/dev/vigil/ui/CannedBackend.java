package dev.vigil.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that answers like catalog-api,
 * identity-service's admin API and an OIDC issuer's discovery document, with canned JSON
 * from {@code src/test/resources/catalog} (shaped after catalog-api's response records).
 * For {@code *Tests} only: the browser {@code *IT}s run against the real services.
 */
public final class CannedBackend {

	private static CannedBackend shared;

	private final HttpServer server;

	private final Map<String, Answer> routes = new ConcurrentHashMap<>();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private CannedBackend() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
		reset();
	}

	public static synchronized CannedBackend shared() {
		if (shared == null) {
			try {
				shared = new CannedBackend();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return shared;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String issuer() {
		return url() + "/auth";
	}

	/** Back to the default answers, and forget recorded requests. */
	public void reset() {
		this.routes.clear();
		this.requests.clear();
		String issuer = issuer();
		json("GET", "/auth/.well-known/openid-configuration", 200,
				"""
						{"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
						"jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/connect/logout",
						"response_types_supported":["code"],"subject_types_supported":["public"],
						"id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile"],
						"code_challenge_methods_supported":["S256"],"grant_types_supported":["authorization_code","refresh_token"]}
						"""
					.formatted(issuer));
		file("GET", "/api/v1/cameras", 200, "cameras.json");
		file("GET", "/api/v1/cameras/driveway", 200, "cameras.json", 0);
		file("GET", "/api/v1/cameras/garden", 200, "cameras.json", 1);
		file("GET", "/api/v1/cameras/driveway/health", 200, "health.json");
		file("GET", "/api/v1/events", 200, "events.json");
		file("GET", "/api/v1/events/driveway.1764061200000", 200, "event.json");
		file("GET", "/api/v1/media", 200, "media-latest.json");
		file("GET", "/api/v1/media?eventId", 200, "event-media.json");
		file("GET", "/api/v1/stats", 200, "stats.json");
		file("GET", "/api/v1/audit", 200, "audit.json");
		file("GET", "/identity/admin/v1/clients", 200, "clients.json");
		file("GET", "/identity/admin/v1/audit", 200, "identity-audit.json");
		file("POST", "/identity/admin/v1/clients", 201, "client-created.json");
		json("PATCH", "/api/v1/cameras/driveway", 200, element(read("cameras.json"), 0));
		json("POST", "/api/v1/media/" + "a".repeat(64) + "/feedback", 200, element(read("media-latest.json"), -1));
	}

	public CannedBackend json(String method, String path, int status, String body) {
		this.routes.put(method + " " + path, new Answer(status, body, null));
		return this;
	}

	public CannedBackend file(String method, String path, int status, String resource) {
		return json(method, path, status, read(resource));
	}

	private CannedBackend file(String method, String path, int status, String resource, int index) {
		return json(method, path, status, element(read(resource), index));
	}

	public CannedBackend redirect(String method, String path, String location) {
		this.routes.put(method + " " + path, new Answer(303, "", location));
		return this;
	}

	/** Answers with a server-sent event stream that ends after the given frames. */
	public CannedBackend stream(String path, String frames) {
		this.routes.put("GET " + path, new Answer(200, frames, null, "text/event-stream"));
		return this;
	}

	/** Answers with a file download: these bytes, named in Content-Disposition. */
	public CannedBackend attachment(String path, String contentType, String fileName, String body) {
		this.routes.put("GET " + path, new Answer(200, body, null, contentType, fileName));
		return this;
	}

	/** Answers nothing and closes the connection, like a service that went away. */
	public CannedBackend drop(String method, String path) {
		this.routes.put(method + " " + path, new Answer(-1, "", null));
		return this;
	}

	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	public List<Recorded> requests(String method, String path) {
		return this.requests.stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.requests.add(new Recorded(method, path, (query != null) ? query : "",
				exchange.getRequestHeaders().getFirst("Authorization"), body));
		Answer answer = null;
		if (query != null && query.contains("eventId=")) {
			answer = this.routes.get(method + " " + path + "?eventId");
		}
		if (answer == null) {
			answer = this.routes.get(method + " " + path);
		}
		if (answer == null) {
			answer = new Answer(404,
					"""
							{"type":"https://vigil.dev/problems/not-found","title":"Not Found","status":404,"detail":"No such thing"}""",
					null);
		}
		if (answer.status() < 0) {
			exchange.close();
			return;
		}
		if (answer.location() != null) {
			exchange.getResponseHeaders().set("Location", answer.location());
		}
		if (answer.fileName() != null) {
			exchange.getResponseHeaders()
				.set("Content-Disposition", "attachment; filename=\"" + answer.fileName() + "\"");
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		String type = (answer.contentType() != null) ? answer.contentType()
				: (answer.status() >= 400) ? "application/problem+json" : "application/json";
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	public static String read(String resource) {
		try (InputStream in = CannedBackend.class.getResourceAsStream("/catalog/" + resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One element of a JSON array (or, with -1, the first item of a page). */
	private static String element(String json, int index) {
		tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.JsonNode node = mapper.readTree(json);
		return mapper.writeValueAsString((index < 0) ? node.path("items").get(0) : node.get(index));
	}

	/**
	 * A request the backend received.
	 *
	 * @param method HTTP method
	 * @param path path
	 * @param query raw query
	 * @param authorization Authorization header
	 * @param body request body
	 */
	public record Recorded(String method, String path, String query, String authorization, String body) {

	}

	private record Answer(int status, String body, String location, String contentType, String fileName) {

		Answer(int status, String body, String location) {
			this(status, body, location, null, null);
		}

		Answer(int status, String body, String location, String contentType) {
			this(status, body, location, contentType, null);
		}

	}

}
