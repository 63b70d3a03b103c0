package dev.vigil.ui.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.vigil.ui.security.SignIn;

/**
 * The RestClients that call the platform's APIs as the signed-in user: the interceptor
 * takes the user's authorized client from the session, refreshes an expiring access token
 * with the refresh token, and sends it as a bearer token. A 401 drops the authorized
 * client, and every error answer becomes a {@link CatalogException} (401: a fresh sign-in
 * that returns to the page). Every API client of the UI (catalog, identity,
 * notifications) is built with {@link #relayed} and runs its calls through {@link #call}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class TokenRelay {

	/** Qualifier of the catalog-api client. */
	public static final String CATALOG = "catalogRestClient";

	@Bean(CATALOG)
	RestClient catalogRestClient(RestClient.Builder builder, CatalogProperties properties,
			OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients, JsonMapper json) {
		return client(builder, properties.baseUrl().toString(), properties, manager, clients, json);
	}

	/**
	 * A client for another API of the platform that relays the signed-in user's token, as
	 * the catalog and identity clients do.
	 * @param builder the builder
	 * @param baseUrl the API's base URL
	 * @param timeouts connect and read timeouts
	 * @param manager authorized clients
	 * @param clients where authorized clients are kept
	 * @param json to read problem answers
	 * @return the client
	 */
	public static RestClient relayed(RestClient.Builder builder, String baseUrl, CatalogProperties timeouts,
			OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients, JsonMapper json) {
		return client(builder, baseUrl, timeouts, manager, clients, json);
	}

	/**
	 * Runs a call to one of the platform's APIs, turning a lost sign-in and an
	 * unreachable API into the exceptions the error pages know.
	 * @param service the API's service name, for the message
	 * @param call the call
	 * @return its result
	 */
	public static <T> T call(String service, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ClientAuthorizationRequiredException ex) {
			throw ex;
		}
		catch (OAuth2AuthorizationException ex) {
			// The refresh token was refused (expired session at the
			// issuer): sign in again.
			throw new ClientAuthorizationRequiredException(SignIn.REGISTRATION);
		}
		catch (ResourceAccessException ex) {
			throw new CatalogUnavailableException(service, ex);
		}
	}

	private static RestClient client(RestClient.Builder builder, String baseUrl, CatalogProperties timeouts,
			OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients, JsonMapper json) {
		OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(manager);
		relay.setClientRegistrationIdResolver((request) -> SignIn.REGISTRATION);
		relay.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
		// Redirects are not followed: a content answer is a 303 to a presigned URL
		// that the browser, not the UI, must follow.
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(timeouts.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(timeouts.readTimeout());
		return builder.clone()
			.baseUrl(baseUrl)
			.requestFactory(factory)
			.requestInterceptor(relay)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw problem(response.getStatusCode(), response.getBody(), json);
			})
			.build();
	}

	/**
	 * The exception for an error answer, from its RFC 9457 body when it has one.
	 * @param status the status
	 * @param body the body
	 * @param json to read it
	 * @return the exception to throw
	 */
	public static RuntimeException problem(HttpStatusCode status, @Nullable InputStream body, JsonMapper json) {
		if (status.value() == 401) {
			return new ClientAuthorizationRequiredException(SignIn.REGISTRATION);
		}
		Map<?, ?> problem = Map.of();
		if (body != null) {
			try {
				byte[] bytes = body.readNBytes(16 * 1024);
				if (bytes.length > 0) {
					problem = json.readValue(bytes, Map.class);
				}
			}
			catch (IOException | RuntimeException ex) {
				// Not a problem document (a proxy's HTML page, say): the status
				// is all we know.
			}
		}
		return new CatalogException(status.value(), text(problem.get("title")), text(problem.get("detail")),
				text(problem.get("type")), fieldErrors(problem.get("errors")));
	}

	private static List<CatalogException.FieldError> fieldErrors(@Nullable Object errors) {
		if (!(errors instanceof List<?> list)) {
			return List.of();
		}
		return list.stream()
			.filter(Map.class::isInstance)
			.map(Map.class::cast)
			.filter((error) -> error.get("field") != null)
			.map((error) -> new CatalogException.FieldError(String.valueOf(error.get("field")),
					String.valueOf(error.get("problem"))))
			.toList();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

}
