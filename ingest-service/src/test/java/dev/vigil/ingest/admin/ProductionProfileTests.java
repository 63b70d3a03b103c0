package dev.vigil.ingest.admin;

import java.nio.file.Path;

import dev.vigil.ingest.IngestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatException;

class ProductionProfileTests {

	@TempDir
	Path dataDir;

	@Test
	void refusesToStartWithoutAdminTokenAndNamesTheVariable() {
		assertThatException()
			.isThrownBy(() -> SpringApplication.run(IngestApplication.class, "--spring.profiles.active=production",
					"--server.port=0", "--vigil.ingest.ftp.enabled=false", "--vigil.ingest.sftp.enabled=false",
					"--vigil.ingest.publish.enabled=false", "--vigil.ingest.data-dir=" + this.dataDir))
			.havingRootCause()
			.withMessageContaining("VIGIL_INGEST_ADMIN_TOKEN");
	}

	@Test
	void refusesShortAdminToken() {
		assertThatException()
			.isThrownBy(() -> SpringApplication.run(IngestApplication.class, "--spring.profiles.active=production",
					"--server.port=0", "--vigil.ingest.ftp.enabled=false", "--vigil.ingest.sftp.enabled=false",
					"--vigil.ingest.publish.enabled=false", "--vigil.ingest.data-dir=" + this.dataDir,
					"--vigil.ingest.admin.token=changeme"))
			.havingRootCause()
			.withMessageContaining("at least 24");
	}

}
