package dev.vigil.notify.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/v1/notifications/**} needs a bearer token from the platform's issuer:
 * {@code notifications:read} for GET, {@code notifications:write} or {@code admin} for
 * everything else (channels hold secrets and decide who gets woken at night). Health and
 * metrics are open (the port is not published).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	static final String READ = "SCOPE_notifications:read";

	static final String WRITE = "SCOPE_notifications:write";

	static final String ADMIN = "SCOPE_admin";

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
						"/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/notifications/**")
				.hasAnyAuthority(READ, WRITE, ADMIN)
				.requestMatchers("/api/v1/notifications/**")
				.hasAnyAuthority(WRITE, ADMIN)
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
