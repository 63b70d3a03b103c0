package dev.vigil.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.vigil.gateway.requests.Problems;

import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Fixed-window rate limits in Redis: every request counts against its client address, and
 * requests carrying a bearer token or Basic credentials also count against that token or
 * client id. Over the limit the answer is {@code 429} with {@code Retry-After} (seconds
 * until the window resets) and a problem document. Tokens are hashed before they become
 * keys.
 */
final class RateLimitFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	static final String PREFIX = "vigil:gateway:rate:";

	/** INCR and start the window on the first hit; returns {count, milliseconds left}. */
	private static final RedisScript<List> SCRIPT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
			return {count, ttl}
			""", List.class);

	private final ReactiveStringRedisTemplate redis;

	private final RateLimitProperties properties;

	private final MeterRegistry meters;

	RateLimitFilter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.properties = properties;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.properties.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		List<Limit> limits = new ArrayList<>(2);
		limits.add(new Limit("address", PREFIX + "addr:" + address(exchange), this.properties.perAddress()));
		String client = clientKey(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (client != null) {
			limits.add(new Limit("client", PREFIX + "client:" + client, this.properties.perClient()));
		}
		return Flux.fromIterable(limits)
			.concatMap(this::hit)
			.filter(Outcome::exceeded)
			.next()
			.map(Decision::reject)
			.defaultIfEmpty(Decision.PASS)
			.onErrorResume(RedisUnavailable.class, this::whenRedisUnavailable)
			.flatMap((decision) -> {
				if (decision.outcome() != null) {
					return reject(exchange, decision.outcome());
				}
				if (decision.unavailable()) {
					return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
							"Service unavailable", "Rate limiter unavailable");
				}
				return chain.filter(exchange);
			});
	}

	private Mono<Outcome> hit(Limit limit) {
		long windowMillis = this.properties.window().toMillis();
		return this.redis.execute(SCRIPT, List.of(limit.key()), List.of(Long.toString(windowMillis)))
			.next()
			.map((result) -> {
				long count = ((Number) result.get(0)).longValue();
				long ttl = ((Number) result.get(1)).longValue();
				return new Outcome(limit, count > limit.max(), Duration.ofMillis(Math.max(ttl, 0)));
			})
			.onErrorMap((ex) -> !(ex instanceof RedisUnavailable), RedisUnavailable::new);
	}

	private Mono<Void> reject(ServerWebExchange exchange, Outcome outcome) {
		long retryAfter = Math.max(1, (outcome.resetIn().toMillis() + 999) / 1000);
		this.meters.counter("vigil.gateway.rate.limited", "limit", outcome.limit().kind()).increment();
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests",
				"Rate limit per " + outcome.limit().kind() + " exceeded; retry after " + retryAfter + " s");
	}

	private Mono<Decision> whenRedisUnavailable(RedisUnavailable ex) {
		if (this.properties.failOpen()) {
			log.warn("Rate limiting skipped, Redis unavailable: {}", ex.getMessage());
			return Mono.just(Decision.PASS);
		}
		log.error("Rejecting request, Redis unavailable: {}", ex.getMessage());
		return Mono.just(Decision.UNAVAILABLE);
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	/**
	 * A key for the credentials in the Authorization header: a hash of a bearer token, or
	 * the client id of Basic credentials (token endpoint). {@code null} without
	 * credentials.
	 */
	static @Nullable String clientKey(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7) {
			return "token:" + sha256(authorization.substring(7).strip());
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				String clientId = (colon >= 0) ? decoded.substring(0, colon) : decoded;
				return "basic:" + sha256(clientId);
			}
			catch (IllegalArgumentException ex) {
				return "basic:invalid";
			}
		}
		return null;
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Limit(String kind, String key, int max) {
	}

	record Outcome(Limit limit, boolean exceeded, Duration resetIn) {
	}

	record Decision(@Nullable Outcome outcome, boolean unavailable) {

		static final Decision PASS = new Decision(null, false);

		static final Decision UNAVAILABLE = new Decision(null, true);

		static Decision reject(Outcome outcome) {
			return new Decision(outcome, false);
		}

	}

	static final class RedisUnavailable extends RuntimeException {

		RedisUnavailable(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

}
