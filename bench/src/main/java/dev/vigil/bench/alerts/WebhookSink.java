package dev.vigil.bench.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving end of the webhook channel, as a user's script runs one: a real HTTP
 * server on a fixed loopback port that checks each request's HMAC signature and notes
 * when each alert arrived. {@link #stop()} closes the port (the sender sees connection
 * refused), {@link #start()} opens it again.
 */
final class WebhookSink implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * One alert received.
	 *
	 * @param eventId the motion event
	 * @param camera its camera
	 * @param startTime the event's start (epoch seconds)
	 * @param atMillis when it arrived (wall clock)
	 */
	record Received(String eventId, String camera, long startTime, long atMillis) {

	}

	private final int port;

	private final byte[] key;

	private final List<Received> alerts = new CopyOnWriteArrayList<>();

	private final AtomicInteger badSignatures = new AtomicInteger();

	private @Nullable HttpServer server;

	WebhookSink(int port, String key) {
		this.port = port;
		this.key = key.getBytes(StandardCharsets.UTF_8);
	}

	String url() {
		// The name the bench allows through the SSRF guard (allowed-hosts), not
		// 127.0.0.1.
		return "http://localhost:" + this.port + "/hook";
	}

	synchronized void start() throws IOException {
		if (this.server != null) {
			return;
		}
		HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 0);
		started.createContext("/hook", (exchange) -> {
			long at = System.currentTimeMillis();
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			boolean signed = signed(exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp"),
					exchange.getRequestHeaders().getFirst("X-Vigil-Signature"), body);
			if (!signed) {
				this.badSignatures.incrementAndGet();
			}
			note(body, at);
			exchange.sendResponseHeaders(signed ? 204 : 401, -1);
			exchange.close();
		});
		started.start();
		this.server = started;
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	List<Received> alerts() {
		return List.copyOf(this.alerts);
	}

	int badSignatures() {
		return this.badSignatures.get();
	}

	private void note(byte[] body, long at) {
		JsonNode alert = json.readTree(body);
		if ("alert".equals(alert.path("type").asString(""))) {
			this.alerts.add(new Received(alert.path("event_id").asString(""), alert.path("camera").asString(""),
					startTime(alert.path("start_time").asString("")), at));
		}
	}

	private static long startTime(String iso) {
		try {
			return java.time.Instant.parse(iso).getEpochSecond();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return 0;
		}
	}

	private boolean signed(@Nullable String timestamp, @Nullable String signature, byte[] body) {
		if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			byte[] expected = mac.doFinal(body);
			return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(7)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		stop();
	}

}
