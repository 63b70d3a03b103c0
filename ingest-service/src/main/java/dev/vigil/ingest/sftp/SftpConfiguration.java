package dev.vigil.ingest.sftp;

import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.intake.Intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vigil.ingest.sftp.enabled", matchIfMissing = true)
class SftpConfiguration {

	@Bean
	SftpServerLifecycle sftpServer(SftpProperties properties, EdgeProperties edge, CameraDirectory cameras,
			Intake intake) {
		return new SftpServerLifecycle(properties, edge, cameras, intake);
	}

}
