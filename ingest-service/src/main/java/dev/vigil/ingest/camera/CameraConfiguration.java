package dev.vigil.ingest.camera;

import java.time.Clock;

import dev.vigil.ingest.EdgeProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
class CameraConfiguration {

	@Bean
	LoginGuard loginGuard(LoginGuardProperties properties, Clock clock) {
		return new LoginGuard(properties, clock);
	}

	@Bean
	CameraDirectory cameraDirectory(EdgeProperties edge, CameraProperties properties, LoginGuard guard,
			MeterRegistry meters) {
		return new CameraDirectory(edge, properties, guard, meters);
	}

	@Bean
	@Profile("devstack")
	DemoCamera demoCamera(CameraDirectory cameras, EdgeProperties edge) {
		return new DemoCamera(cameras, edge);
	}

	@Bean
	CameraActivity cameraActivity(CameraDirectory cameras, MeterRegistry meters, Clock clock) {
		return new CameraActivity(cameras, meters, clock);
	}

}
