package dev.vigil.catalog;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.vigil.contracts.EventCodec;

@SpringBootApplication
@EnableScheduling
public class CatalogApplication {

	public static void main(String[] args) {
		SpringApplication.run(CatalogApplication.class, args);
	}

	/**
	 * The wire codec every consumer reads records with ({@code consume}, {@code edge}).
	 * @param json the service's mapper
	 * @return the codec
	 */
	@Bean
	EventCodec eventCodec(JsonMapper json) {
		return new EventCodec(json);
	}

}
