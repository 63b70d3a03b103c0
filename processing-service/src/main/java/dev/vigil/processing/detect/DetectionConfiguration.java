package dev.vigil.processing.detect;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Chooses the one detector that runs ({@link DetectorSelection}), or none when detection
 * is off. The CNN (NanoDet) is the default; when its model or runtime is unusable the
 * service refuses to start naming the file, unless
 * {@code vigil.processing.detection.nanodet.fallback-to-hog} is set: then HOG runs,
 * logged as an error and shown in health and metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DetectionProperties.class, PlatformSettingsProperties.class })
class DetectionConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DetectionConfiguration.class);

	@Bean
	DetectionPolicy detectionPolicy(DetectionProperties properties, PlatformCameraSettings platform) {
		return new DetectionPolicy(properties, platform);
	}

	@Bean
	PlatformCameraSettings platformCameraSettings(PlatformSettingsProperties properties, JsonMapper json,
			ObjectProvider<MeterRegistry> meters) {
		return new PlatformCameraSettings(json, properties.follow() ? properties.file() : null,
				meters.getIfAvailable());
	}

	@Bean
	@ConditionalOnProperty(name = "vigil.processing.detection.platform.follow", havingValue = "true",
			matchIfMissing = true)
	CameraDetectionFollower cameraDetectionFollower(PlatformSettingsProperties properties,
			PlatformCameraSettings settings, KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "vigil-processing-camera-detection");
		return new CameraDetectionFollower(config, properties.topic(), properties.retry(), settings);
	}

	@Bean(destroyMethod = "")
	DetectorSelection detectorSelection(DetectionProperties properties, JsonMapper json,
			@Value("${vigil.processing.concurrency:1}") int concurrency) {
		DetectionProperties.Kind kind = properties.detector();
		DetectorSelection selection = switch (kind) {
			case NANODET -> nanoDet(properties, concurrency);
			case HOG -> new DetectorSelection(kind, new HogDetector(properties.hog()), null);
			case HTTP -> new DetectorSelection(kind, http(properties.http(), json), null);
			case NONE -> new DetectorSelection(kind, null, null);
		};
		Detector active = selection.detector();
		logger.info("Detector: {} (configured: {})",
				(active != null) ? active.name() + " " + active.version() : "none (detection off)",
				kind.name().toLowerCase(Locale.ROOT));
		return selection;
	}

	/**
	 * The running detector; Spring closes it (TensorFlow's native session) at shutdown.
	 * @param selection the selection
	 * @return the detector, or null when detection is off
	 */
	@Bean
	@Nullable Detector detector(DetectorSelection selection) {
		return selection.detector();
	}

	@Bean
	DetectorHealthIndicator detectorHealthIndicator(DetectorSelection selection) {
		return new DetectorHealthIndicator(selection);
	}

	@Bean
	Gauge activeDetectorGauge(DetectorSelection selection, ObjectProvider<MeterRegistry> registry) {
		Detector active = selection.detector();
		return Gauge.builder("vigil.processing.detector.active", () -> 1)
			.description("The detector that runs (1), with the configured one and whether HOG stands in for the CNN")
			.tag("detector", (active != null) ? active.name() : "none")
			.tag("requested", selection.requested().name().toLowerCase(Locale.ROOT))
			.tag("fallback", String.valueOf(selection.fallbackReason() != null))
			.register(registry.getObject());
	}

	private static DetectorSelection nanoDet(DetectionProperties properties, int concurrency) {
		NanoDetProperties nanodet = properties.nanodet()
			.resolveThreads(Runtime.getRuntime().availableProcessors(), concurrency);
		logger.info("NanoDet: {} TensorFlow intra-op thread(s) per inference, {} consumer thread(s)", nanodet.threads(),
				concurrency);
		Path directory = NanoDetModel.locate(nanodet.modelDir());
		try {
			NanoDetDetector detector = new NanoDetDetector(NanoDetModel.load(directory), nanodet);
			// Before the consumer starts: the service is ready with a warm model.
			logger.info("NanoDet warmed up with one inference on a blank frame in {} ms", detector.warmUp());
			return new DetectorSelection(DetectionProperties.Kind.NANODET, detector, null);
		}
		catch (ModelUnavailableException | LinkageError ex) {
			// No TensorFlow build for this platform: the CNN cannot run here, HOG is the
			// detector of this platform. A broken model is an operator's error: refuse.
			boolean noRuntime = ex instanceof TensorFlowUnavailableException || ex instanceof LinkageError;
			if (!noRuntime && !nanodet.fallbackToHog()) {
				throw new IllegalStateException(ex.getMessage()
						+ " (or set vigil.processing.detection.nanodet.fallback-to-hog=true to run HOG instead)", ex);
			}
			logger.error("CNN detector NanoDet unavailable, FALLING BACK TO HOG (fewer people found): {}",
					ex.getMessage());
			return new DetectorSelection(DetectionProperties.Kind.NANODET, new HogDetector(properties.hog()),
					ex.getMessage());
		}
	}

	private static HttpDetector http(DetectionProperties.Http http, JsonMapper json) {
		if (http.url() == null) {
			throw new IllegalStateException(
					"vigil.processing.detection.http.url is required when vigil.processing.detection.detector=http");
		}
		return new HttpDetector(http.url(), http.timeout(), http.name(), http.version(), json);
	}

}
