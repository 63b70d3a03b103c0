package dev.vigil.ingest.admin;

import dev.vigil.ingest.EdgeProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer-token check for {@code /edge/v1/**}. A single shared token is enough for an edge
 * node's few admin calls and keeps Spring Security (and its memory) off the Pi.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration implements WebMvcConfigurer {

	private final AdminToken token;

	AdminConfiguration(AdminProperties properties, EdgeProperties edge, Environment environment) {
		this.token = new AdminToken(properties, edge, environment);
	}

	@Bean
	AdminToken adminToken() {
		return this.token;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (!AdminConfiguration.this.token.isConfigured()) {
					throw new ApiErrors.Unauthorized("admin API disabled: set " + AdminToken.VARIABLE);
				}
				String header = request.getHeader("Authorization");
				String presented = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7))
						? header.substring(7).trim() : null;
				if (!AdminConfiguration.this.token.matches(presented)) {
					throw new ApiErrors.Unauthorized("missing or wrong bearer token");
				}
				return true;
			}
		}).addPathPatterns("/edge/v1/**");
	}

}
