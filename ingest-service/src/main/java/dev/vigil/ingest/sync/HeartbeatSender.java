package dev.vigil.ingest.sync;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.EventCodec;
import dev.vigil.contracts.UploadProtocol;
import dev.vigil.ingest.PlatformKafka;
import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.ftp.FtpServerLifecycle;
import dev.vigil.ingest.sftp.SftpServerLifecycle;
import dev.vigil.ingest.spool.Spool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Tells the platform this edge is alive: spool depth, free disk, version, and where
 * cameras reach it. Fire and forget: a heartbeat lost while Kafka is down is simply
 * replaced by the next one.
 */
class HeartbeatSender implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HeartbeatSender.class);

	private final KafkaProducer<String, byte[]> producer;

	private final AtomicBoolean sending = new AtomicBoolean();

	private final PlatformKafka kafka;

	private final SyncProperties properties;

	private final String edgeNodeId;

	private final Spool spool;

	private final CameraDirectory cameras;

	private final ObjectProvider<FtpServerLifecycle> ftp;

	private final ObjectProvider<SftpServerLifecycle> sftp;

	private final Environment environment;

	private final Path dataDir;

	private final EventCodec codec;

	private final Clock clock;

	private final Instant startedAt;

	private volatile boolean topicChecked;

	HeartbeatSender(PlatformKafka kafka, SyncProperties properties, String edgeNodeId, Path dataDir, Spool spool,
			CameraDirectory cameras, ObjectProvider<FtpServerLifecycle> ftp, ObjectProvider<SftpServerLifecycle> sftp,
			Environment environment, EventCodec codec, Clock clock) {
		this.kafka = kafka;
		this.properties = properties;
		this.edgeNodeId = edgeNodeId;
		this.dataDir = dataDir;
		this.spool = spool;
		this.cameras = cameras;
		this.ftp = ftp;
		this.sftp = sftp;
		this.environment = environment;
		this.codec = codec;
		this.clock = clock;
		this.startedAt = clock.instant();
		Properties config = kafka.client(new Properties());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-ingest-" + edgeNodeId + "-heartbeat");
		config.put(ProducerConfig.ACKS_CONFIG, "1");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024);
		config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
		this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends on a thread of its own: with Kafka unreachable a send blocks for seconds, and
	 * fixed-delay tasks share the scheduler's one thread with the home sweeper and the
	 * silence check, which must not wait for it. A beat still running skips the next.
	 */
	@Scheduled(initialDelayString = "${vigil.ingest.platform.heartbeat-initial-delay:2s}",
			fixedDelayString = "${vigil.ingest.platform.heartbeat-interval:30s}")
	void beat() {
		if (this.sending.compareAndSet(false, true)) {
			Thread.ofVirtual().name("edge-heartbeat").start(() -> {
				try {
					send();
				}
				finally {
					this.sending.set(false);
				}
			});
		}
	}

	void send() {
		try {
			ensureTopic();
			EdgeHeartbeat heartbeat = heartbeat();
			this.producer.send(new ProducerRecord<>(this.properties.heartbeatTopic(), this.edgeNodeId,
					this.codec.write(heartbeat)), (metadata, failure) -> {
						if (failure != null) {
							log.debug("Heartbeat not delivered: {}", failure.toString());
						}
					});
		}
		catch (RuntimeException ex) {
			log.debug("Heartbeat not sent: {}", ex.toString());
		}
	}

	EdgeHeartbeat heartbeat() {
		long free;
		try {
			free = Files.getFileStore(Files.createDirectories(this.dataDir)).getUsableSpace();
		}
		catch (IOException ex) {
			free = 0;
		}
		return new EdgeHeartbeat(this.edgeNodeId, version(), this.clock.instant(), this.startedAt, this.spool.depth(),
				this.spool.pendingBytes(), free, this.cameras.all().size(), endpoints(),
				EdgeHeartbeat.CURRENT_SCHEMA_VERSION);
	}

	private List<EdgeHeartbeat.Endpoint> endpoints() {
		String host = host();
		List<EdgeHeartbeat.Endpoint> endpoints = new ArrayList<>();
		FtpServerLifecycle ftpServer = this.ftp.getIfAvailable();
		if (ftpServer != null && ftpServer.isRunning()) {
			String passive = this.environment.getProperty("vigil.ingest.ftp.passive-ports");
			endpoints.add(new EdgeHeartbeat.Endpoint(UploadProtocol.FTP, host, ftpServer.port(), passive));
			if (this.environment.getProperty("vigil.ingest.ftp.tls.enabled", Boolean.class, true)) {
				endpoints.add(new EdgeHeartbeat.Endpoint(UploadProtocol.FTPS, host, ftpServer.port(), passive));
			}
		}
		SftpServerLifecycle sftpServer = this.sftp.getIfAvailable();
		if (sftpServer != null && sftpServer.isRunning()) {
			endpoints.add(new EdgeHeartbeat.Endpoint(UploadProtocol.SFTP, host, sftpServer.port(), null));
		}
		return endpoints;
	}

	private @Nullable String host() {
		if (this.properties.cameraHost() != null && !this.properties.cameraHost().isBlank()) {
			return this.properties.cameraHost();
		}
		String external = this.environment.getProperty("vigil.ingest.ftp.passive-external-address");
		if (external != null && !external.isBlank()) {
			return external;
		}
		return siteLocalAddress().orElse(null);
	}

	/**
	 * Cameras sit on the same LAN as the edge, so its private address is what they dial.
	 */
	private static Optional<String> siteLocalAddress() {
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
					continue;
				}
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
						return Optional.of(address.getHostAddress());
					}
				}
			}
		}
		catch (SocketException ex) {
			log.debug("Cannot list network interfaces", ex);
		}
		return Optional.empty();
	}

	private static String version() {
		String version = HeartbeatSender.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	private void ensureTopic() {
		if (this.topicChecked) {
			return;
		}
		Properties config = this.kafka.client(new Properties());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		try (Admin admin = Admin.create(config)) {
			NewTopic topic = new NewTopic(this.properties.heartbeatTopic(), Optional.empty(), Optional.empty())
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
			admin.createTopics(Set.of(topic)).all().get(5, TimeUnit.SECONDS);
			this.topicChecked = true;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			this.topicChecked = ex.getCause() instanceof TopicExistsException;
		}
		catch (Exception ex) {
			log.debug("Could not create topic {}", this.properties.heartbeatTopic(), ex);
		}
	}

	@Override
	public void close() {
		this.producer.close(java.time.Duration.ofSeconds(2));
	}

}
