package dev.vigil.catalog.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * Stable problem {@code type} URIs. They identify an error kind and are part of the API
 * contract; they need not resolve.
 */
public final class ProblemTypes {

	public static final String BASE = "https://vigil.dev/problems/";

	private ProblemTypes() {
	}

	public static URI of(String kind) {
		return URI.create(BASE + kind);
	}

	/**
	 * The type of errors raised by the framework rather than by our code, by status.
	 */
	static URI forStatus(HttpStatusCode status) {
		return of(switch (status.value()) {
			case 400 -> "invalid-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "payload-too-large";
			case 414 -> "uri-too-long";
			case 415 -> "unsupported-media-type";
			case 429 -> "rate-limited";
			case 431 -> "headers-too-large";
			case 500 -> "internal-error";
			case 503 -> "unavailable";
			default -> (status.is4xxClientError() ? "client-error" : "server-error");
		});
	}

}
