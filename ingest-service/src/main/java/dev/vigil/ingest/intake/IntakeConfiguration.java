package dev.vigil.ingest.intake;

import java.time.Clock;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraActivity;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.quota.StorageUsage;
import dev.vigil.ingest.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	Intake intake(Spool spool, CameraDirectory cameras, CameraActivity activity, IntakeProperties properties,
			EdgeProperties edge, MeterRegistry meters, Clock clock, StorageUsage usage) {
		return new Intake(spool, cameras, activity, properties, edge, meters, clock, usage);
	}

	@Bean
	HomeSweeper homeSweeper(CameraDirectory cameras, Intake intake, IntakeProperties properties, MeterRegistry meters,
			Clock clock, StorageUsage usage) {
		return new HomeSweeper(cameras, intake, properties, meters, clock, usage);
	}

	@Bean
	IntakeHealthIndicator intakeHealthIndicator(Intake intake, Spool spool) {
		return new IntakeHealthIndicator(intake, spool);
	}

}
