package dev.vigil.ingest.ftp;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.camera.LoginGuard;
import dev.vigil.ingest.intake.Intake;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vigil.ingest.ftp.enabled", matchIfMissing = true)
class FtpConfiguration {

	@Bean
	FtpServerLifecycle ftpServer(FtpProperties properties, EdgeProperties edge, CameraDirectory cameras,
			LoginGuard guard, Intake intake, MeterRegistry meters) {
		return new FtpServerLifecycle(properties, edge, cameras, guard, intake, meters);
	}

}
