package dev.vigil.notify;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.vigil.contracts.EventCodec;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationApplication.class, args);
	}

	/**
	 * The wire codec every record is read with ({@code intake}, {@code system}).
	 * @param json the service's mapper
	 * @return the codec
	 */
	@Bean
	EventCodec eventCodec(JsonMapper json) {
		return new EventCodec(json);
	}

}
