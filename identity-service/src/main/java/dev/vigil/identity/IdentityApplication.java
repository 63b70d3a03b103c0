package dev.vigil.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.vigil.support.PingMongoHealth;

@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

	/** devstack's MongoDB wire server answers {@code ping}, not Boot's {@code hello}. */
	@Bean(PingMongoHealth.BEAN_NAME)
	@Profile("devstack")
	PingMongoHealth mongoHealthContributor(MongoTemplate mongo) {
		return new PingMongoHealth(mongo);
	}

}
