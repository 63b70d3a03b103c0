package dev.vigil.bench.pipeline;

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

import dev.vigil.bench.platform.Platform;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A person signing in the way Vigil's command-line client does: authorization code with
 * PKCE against the issuer (the built-in public client {@code vigil-cli}), through the
 * sign-in form and, when the account must change its password first, the password form —
 * plain HTTP with cookies, no browser, every redirect followed by hand.
 */
final class OidcLogin {

	private static final String CLIENT_ID = "vigil-cli";

	private static final String REDIRECT_URI = "http://127.0.0.1/callback";

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final URI issuer;

	OidcLogin(URI issuer) {
		this.issuer = issuer;
	}

	/**
	 * Signs in and returns the access token.
	 * @param username the account
	 * @param password its password
	 * @param newPassword the password to set when the account must change it first
	 * @param scopes the scopes asked for (the server narrows them to the user's roles)
	 * @return the access token
	 */
	String accessToken(String username, String password, @Nullable String newPassword, String scopes)
			throws IOException, InterruptedException {
		return tokens(username, password, newPassword, scopes).get("access_token").asString();
	}

	/**
	 * Signs in and returns the token response.
	 * @param username the account
	 * @param password its password
	 * @param newPassword the password to set when the account must change it first
	 * @param scopes the scopes asked for
	 * @return {@code access_token}, {@code id_token} (with {@code openid}), ...
	 */
	JsonNode tokens(String username, String password, @Nullable String newPassword, String scopes)
			throws IOException, InterruptedException {
		String verifier = random();
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
		URI authorize = resolve("/oauth2/authorize?"
				+ form(Map.of("response_type", "code", "client_id", CLIENT_ID, "redirect_uri", REDIRECT_URI, "scope",
						scopes, "state", random(), "code_challenge", challenge, "code_challenge_method", "S256")));
		try (HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()) {
			URI next = location(http.send(page(authorize), discard()), authorize);
			HttpResponse<String> loginPage = http.send(page(next), text());
			URI afterLogin = post(http, next, Map.of("username", username, "password", password), loginPage.body());
			if (afterLogin.getPath().endsWith("/account/password")) {
				if (newPassword == null) {
					throw new IllegalStateException(username + " must change the password first");
				}
				HttpResponse<String> passwordPage = http.send(page(afterLogin), text());
				afterLogin = post(http, afterLogin,
						Map.of("current", password, "password", newPassword, "confirmation", newPassword),
						passwordPage.body());
			}
			if (afterLogin.getPath().endsWith("/login") && afterLogin.getQuery() != null
					&& afterLogin.getQuery().contains("error")) {
				throw new IllegalStateException("Sign-in refused for " + username + ": " + afterLogin);
			}
			URI callback = afterLogin;
			for (int hops = 0; hops < 5 && !callback.toString().startsWith(REDIRECT_URI); hops++) {
				callback = location(http.send(page(callback), discard()), callback);
			}
			String code = query(callback).get("code");
			if (code == null) {
				throw new IllegalStateException("No authorization code in " + callback);
			}
			HttpResponse<String> token = http.send(HttpRequest.newBuilder(resolve("/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
						"redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID, "code_verifier", verifier))))
				.build(), text());
			if (token.statusCode() != 200) {
				throw new IllegalStateException("Token endpoint answered " + token.statusCode() + ": " + token.body());
			}
			return Platform.json(token.body());
		}
	}

	private URI post(HttpClient http, URI page, Map<String, String> fields, String html)
			throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(html);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + page);
		}
		Map<String, String> body = new LinkedHashMap<>(fields);
		body.put("_csrf", csrf.group(1));
		HttpResponse<Void> response = http.send(HttpRequest.newBuilder(page)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(body)))
			.build(), discard());
		return location(response, page);
	}

	/** A browser's GET: asks for HTML, so the server redirects to its sign-in page. */
	private static HttpRequest page(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html").build();
	}

	private URI resolve(String path) {
		return URI.create(this.issuer + path);
	}

	private static URI location(HttpResponse<?> response, URI base) {
		if (response.statusCode() / 100 != 3) {
			throw new IllegalStateException(base + " answered " + response.statusCode() + " instead of a redirect");
		}
		return base.resolve(response.headers().firstValue("Location").orElseThrow());
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(pair.substring(0, eq),
							java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse.BodyHandler<Void> discard() {
		return HttpResponse.BodyHandlers.discarding();
	}

	private static HttpResponse.BodyHandler<String> text() {
		return HttpResponse.BodyHandlers.ofString();
	}

}
