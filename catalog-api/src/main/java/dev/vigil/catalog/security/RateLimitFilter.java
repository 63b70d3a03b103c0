package dev.vigil.catalog.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fixed-window request buckets per token subject ({@code sub}: the user, or the
 * integrator's client id), in Redis so that all instances count together. Never per
 * {@code azp}/{@code client_id}: every ui user's token names the same client, and one
 * user must not use up the others' budget; fresh tokens of one subject share its bucket.
 * A Redis outage lets requests through: the limiter protects the service, it must not
 * become its single point of failure.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	// INCR and EXPIRE in one step, so a crash between them cannot leave an immortal key.
	private static final RedisScript<Long> COUNT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RateLimitProperties properties;

	private final JsonMapper json;

	RateLimitFilter(StringRedisTemplate redis, RateLimitProperties properties, JsonMapper json) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = client();
		if (client == null || this.properties.requests() == 0) {
			chain.doFilter(request, response);
			return;
		}
		long windowMillis = this.properties.window().toMillis();
		long window = System.currentTimeMillis() / windowMillis;
		String key = "vigil:catalog:rate:" + client + ":" + window;
		Long count;
		try {
			count = this.redis.execute(COUNT, List.of(key), String.valueOf(windowMillis));
		}
		catch (RuntimeException ex) {
			log.warn("Rate limiting skipped, Redis unavailable: {}", ex.getMessage());
			count = null;
		}
		if (count != null && count > this.properties.requests()) {
			long retryAfter = Math.max(1, ((window + 1) * windowMillis - System.currentTimeMillis()) / 1000);
			response.setHeader("Retry-After", String.valueOf(retryAfter));
			SecurityConfiguration.write(this.json, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Too many requests",
					"This client exceeded " + this.properties.requests() + " requests per " + this.properties.window());
			return;
		}
		chain.doFilter(request, response);
	}

	private static String client() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return null;
		}
		Object client = token.getToken().getSubject();
		if (client == null) {
			client = token.getToken().getClaims().get("client_id");
		}
		// Keys are built from token claims: keep them to a safe alphabet and length.
		return (client != null) ? String.valueOf(client).replaceAll("[^A-Za-z0-9._@-]", "_") : null;
	}

}
