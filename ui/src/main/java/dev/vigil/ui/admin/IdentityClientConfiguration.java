package dev.vigil.ui.admin;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.client.RestClient;

import dev.vigil.ui.catalog.CatalogProperties;
import dev.vigil.ui.catalog.TokenRelay;

/**
 * The RestClient for identity-service's admin API: the same token relay, timeouts and
 * problem handling as the catalog's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityClientConfiguration {

	static final String IDENTITY = "identityRestClient";

	@Bean(IDENTITY)
	RestClient identityRestClient(RestClient.Builder builder, IdentityProperties identity, CatalogProperties timeouts,
			OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients, JsonMapper json) {
		return TokenRelay.relayed(builder, identity.adminUrl().toString(), timeouts, manager, clients, json);
	}

}
