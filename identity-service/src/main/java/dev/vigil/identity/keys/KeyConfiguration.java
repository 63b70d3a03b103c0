package dev.vigil.identity.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.vigil.identity.IdentityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class KeyConfiguration {

	@Bean
	SigningKeys signingKeys(SigningKeyProperties properties, IdentityProperties identity) {
		Path dir = (properties.dir() != null) ? properties.dir() : identity.dataDir().resolve("keys");
		SigningKeys keys = new SigningKeys(dir, properties.generateIfMissing(), properties.retain(), Clock.systemUTC());
		keys.load();
		return keys;
	}

	/** Re-reads the key directory so keys rotated elsewhere are published and used. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService signingKeyReloader(SigningKeys keys, SigningKeyProperties properties) {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("signing-key-reload").factory());
		long period = Math.max(1, properties.reloadInterval().toMillis());
		scheduler.scheduleWithFixedDelay(keys::reload, period, period, TimeUnit.MILLISECONDS);
		return scheduler;
	}

	/** Every key: what the JWKS endpoint publishes and what verifies tokens here. */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector.select(keys.jwkSet());
	}

	/** Only the newest key signs, so rotation needs no change to token headers. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.active())));
	}

	/**
	 * Verifies tokens presented to this service (admin API, userinfo): signature by one
	 * of our keys, RS256 only (so {@code alg: none} and HMAC confusion fail), not
	 * expired, issued by this issuer, and an access token for the API ({@code at+jwt},
	 * API audience), never an ID token.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties identity) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(AccessTokens.validator(identity.issuer().toString(), identity.apiAudience()));
		return decoder;
	}

}
