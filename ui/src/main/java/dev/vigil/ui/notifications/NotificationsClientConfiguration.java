package dev.vigil.ui.notifications;

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
 * The RestClient for notification-service: the same token relay, timeouts and problem
 * handling as the catalog's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsClientConfiguration {

	static final String NOTIFICATIONS = "notificationsRestClient";

	@Bean(NOTIFICATIONS)
	RestClient notificationsRestClient(RestClient.Builder builder, NotificationsProperties properties,
			CatalogProperties timeouts, OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients,
			JsonMapper json) {
		return TokenRelay.relayed(builder, properties.baseUrl().toString(), timeouts, manager, clients, json);
	}

}
