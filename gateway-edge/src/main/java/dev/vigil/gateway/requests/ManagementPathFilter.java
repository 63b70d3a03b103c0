package dev.vigil.gateway.requests;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps actuator off the public port: {@code /actuator/health} stays (load balancers),
 * every other {@code /actuator} path — the gateway's own metrics, or a service's behind a
 * route such as {@code /auth/actuator/prometheus} (login counters) — answers 404. Metrics
 * are for the management port ({@code management.server.port}), which this filter lets
 * through.
 */
final class ManagementPathFilter implements WebFilter, Ordered {

	/** An {@code actuator} segment anywhere (routes strip or keep prefixes). */
	private static final Pattern ACTUATOR = Pattern.compile("(?i)(^|/)actuator(/|$)");

	private static final Pattern HEALTH = Pattern.compile("^/actuator/health(/[a-z]+)?$");

	private final int managementPort;

	/**
	 * @param managementPort the management port, or {@code -1} when actuator shares the
	 * public port
	 */
	ManagementPathFilter(int managementPort) {
		this.managementPort = managementPort;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 6;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!ACTUATOR.matcher(path).find() || HEALTH.matcher(path).matches() || onManagementPort(exchange)) {
			return chain.filter(exchange);
		}
		return Problems.write(exchange, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
				"Nothing is served at this path");
	}

	private boolean onManagementPort(ServerWebExchange exchange) {
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		return this.managementPort > 0 && local != null && local.getPort() == this.managementPort;
	}

}
