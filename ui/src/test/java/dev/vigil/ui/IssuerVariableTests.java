package dev.vigil.ui;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer has one variable in every service, {@code VIGIL_ISSUER_URI};
 * {@code VIGIL_OIDC_ISSUER_URI} stays accepted for installations that set it.
 */
class IssuerVariableTests {

	private static final String PROPERTY = "spring.security.oauth2.client.provider.vigil.issuer-uri";

	@Test
	void takesTheIssuerFromVigilIssuerUri() throws IOException {
		assertThat(issuer(Map.of("VIGIL_ISSUER_URI", "https://vigil.example/auth")))
			.isEqualTo("https://vigil.example/auth");
	}

	@Test
	void stillAcceptsTheDeprecatedAlias() throws IOException {
		assertThat(issuer(Map.of("VIGIL_OIDC_ISSUER_URI", "https://old.example/auth")))
			.isEqualTo("https://old.example/auth");
	}

	@Test
	void prefersVigilIssuerUriOverTheAlias() throws IOException {
		assertThat(issuer(Map.of("VIGIL_ISSUER_URI", "https://new.example/auth", "VIGIL_OIDC_ISSUER_URI",
				"https://old.example/auth")))
			.isEqualTo("https://new.example/auth");
	}

	@Test
	void defaultsToTheGatewayOfTheLauncher() throws IOException {
		assertThat(issuer(Map.of())).isEqualTo("http://localhost:8080/auth");
	}

	private static String issuer(Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return environment.getProperty(PROPERTY);
	}

}
