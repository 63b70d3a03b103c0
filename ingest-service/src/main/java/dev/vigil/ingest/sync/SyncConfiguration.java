package dev.vigil.ingest.sync;

import java.time.Clock;

import dev.vigil.contracts.EventCodec;
import dev.vigil.ingest.EdgeProperties;
import dev.vigil.ingest.PlatformKafka;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.ftp.FtpServerLifecycle;
import dev.vigil.ingest.sftp.SftpServerLifecycle;
import dev.vigil.ingest.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vigil.ingest.platform.enabled", matchIfMissing = true)
class SyncConfiguration {

	private final JsonMapper json = JsonMapper.builder().build();

	private final EventCodec codec = new EventCodec(this.json);

	@Bean
	PlatformCameras platformCameras(CameraDirectory directory, EdgeProperties edge, MeterRegistry meters) {
		FollowedCameras followed = new FollowedCameras(edge.dataDir().resolve("camera-config.json"), this.json);
		return new PlatformCameras(directory, followed, edge.nodeId(), this.codec, meters);
	}

	@Bean
	CameraConfigFollower cameraConfigFollower(PlatformKafka kafka, SyncProperties properties, PlatformCameras cameras,
			EdgeProperties edge) {
		return new CameraConfigFollower(kafka, "vigil-ingest-" + edge.nodeId() + "-config", properties, cameras);
	}

	@Bean(destroyMethod = "close")
	HeartbeatSender heartbeatSender(PlatformKafka kafka, SyncProperties properties, EdgeProperties edge, Spool spool,
			CameraDirectory cameras, ObjectProvider<FtpServerLifecycle> ftp, ObjectProvider<SftpServerLifecycle> sftp,
			Environment environment, Clock clock) {
		return new HeartbeatSender(kafka, properties, edge.nodeId(), edge.dataDir(), spool, cameras, ftp, sftp,
				environment, this.codec, clock);
	}

}
