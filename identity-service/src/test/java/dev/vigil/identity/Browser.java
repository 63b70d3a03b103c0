package dev.vigil.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cookie-keeping HTTP client that walks the sign-in and authorization code + PKCE flows
 * like a browser (without following redirects, so tests see each hop).
 */
public final class Browser implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	public Browser(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends this header on every request (e.g. X-Forwarded-For to act as another source).
	 */
	public Browser with(String name, String value) {
		this.extraHeaders.put(name, value);
		return this;
	}

	public HttpResponse<String> get(String pathOrUrl) {
		return send(request(pathOrUrl).header("Accept", "text/html").GET());
	}

	/** A GET as an API client would send it (any content type). */
	public HttpResponse<String> api(String pathOrUrl) {
		return send(request(pathOrUrl).header("Accept", "*/*").GET());
	}

	public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form) {
		return send(request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form))));
	}

	/** Loads a page and posts its form back with the page's CSRF token added. */
	public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields) {
		HttpResponse<String> page = get(pagePath);
		Matcher matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + pagePath + " (status " + page.statusCode() + ")");
		}
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", matcher.group(1));
		return postForm(actionPath, form);
	}

	/** Signs in through the form; returns the response (a redirect). */
	public HttpResponse<String> signIn(String username, String password) {
		return submit("/login", "/login", Map.of("username", username, "password", password));
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	public static String verifier() {
		byte[] bytes = new byte[48];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String authorizeUrl(String clientId, String scope, String redirectUri, String verifier,
			String state) {
		return "/oauth2/authorize?" + form(
				Map.of("response_type", "code", "client_id", clientId, "scope", scope, "redirect_uri", redirectUri,
						"state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
	}

	/** The {@code code} parameter of a redirect to the client. */
	public static String code(HttpResponse<?> redirect) {
		Matcher matcher = Pattern.compile("[?&]code=([^&]+)").matcher(location(redirect));
		if (!matcher.find()) {
			throw new IllegalStateException("No code in redirect: " + location(redirect));
		}
		return matcher.group(1);
	}

	/** Calls the token endpoint as a client; {@code secret} null for public clients. */
	public HttpResponse<String> token(String clientId, String secret, Map<String, String> parameters) {
		HttpRequest.Builder builder = request("/oauth2/token").header("Content-Type",
				"application/x-www-form-urlencoded");
		Map<String, String> form = new LinkedHashMap<>(parameters);
		if (secret != null) {
			builder.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
		}
		else {
			form.put("client_id", clientId);
		}
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(form(form))));
	}

	public HttpResponse<String> bearer(String method, String path, String token, String jsonBody) {
		HttpRequest.Builder builder = request(path).header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (jsonBody != null) {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(builder);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * The claims of a JWT, decoded without verification (tests inspect what was issued).
	 */
	public static JsonNode claims(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	/** The JOSE header of a JWT. */
	public static JsonNode header(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
	}

	public static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpRequest.Builder request(String pathOrUrl) {
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
		this.extraHeaders.forEach(builder::header);
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
