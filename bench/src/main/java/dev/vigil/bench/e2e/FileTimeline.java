package dev.vigil.bench.e2e;

/**
 * What happened to one uploaded file and when (epoch milliseconds, 0 = not yet). Each
 * moment has one writer (the camera, the Kafka consumer, the catalog watcher), so plain
 * volatile fields suffice.
 */
final class FileTimeline {

	final String sha256;

	volatile String camera = "";

	volatile int step = -1;

	volatile long uploadedAt;

	volatile long kafkaAt;

	volatile long listedAt;

	volatile long processedAt;

	volatile String status = "";

	volatile boolean thumbnail;

	FileTimeline(String sha256) {
		this.sha256 = sha256;
	}

	boolean uploaded() {
		return this.uploadedAt > 0;
	}

	boolean processed() {
		return this.processedAt > 0;
	}

}
