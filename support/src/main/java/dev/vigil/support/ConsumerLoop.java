package dev.vigil.support;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * A plain Kafka consumer on its own virtual thread, for a service that follows topics
 * outside Spring Cloud Stream. Each session gets a fresh consumer; a session that fails
 * is reported to {@link #failed} and a new one starts after {@link #pause()}, so the
 * service goes on while Kafka is away. {@link #stop()} wakes the consumer and waits up to
 * ten seconds for the thread.
 */
public abstract class ConsumerLoop implements SmartLifecycle {

	private static final Duration JOIN = Duration.ofSeconds(10);

	private final String threadName;

	private final Duration retryPause;

	private volatile boolean running;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private @Nullable Thread thread;

	/**
	 * A loop.
	 * @param threadName the name of its thread
	 * @param retryPause how long {@link #pause()} waits
	 */
	protected ConsumerLoop(String threadName, Duration retryPause) {
		this.threadName = threadName;
		this.retryPause = retryPause;
	}

	/** The consumer's configuration; keys are strings and values bytes. */
	protected abstract Properties consumerConfig();

	/**
	 * One session with a fresh consumer: returns when {@link #isRunning()} is false (or
	 * to start a new session), or throws to have one started after a pause.
	 * @param consumer the consumer, closed when the session ends
	 */
	protected abstract void session(KafkaConsumer<String, byte[]> consumer);

	/**
	 * A session failed; a new one starts after the pause.
	 * @param ex what it threw
	 */
	protected abstract void failed(RuntimeException ex);

	/** Runs in {@link #start()} before the thread starts. */
	protected void beforeStart() {
	}

	@Override
	public synchronized void start() {
		beforeStart();
		this.running = true;
		this.thread = Thread.ofVirtual().name(this.threadName).start(this::loop);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(JOIN);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Waits the retry pause; an interrupt ends the loop. */
	protected final void pause() {
		try {
			Thread.sleep(this.retryPause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void loop() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
					new ByteArrayDeserializer())) {
				this.consumer = kafka;
				if (!this.running) {
					return;
				}
				session(kafka);
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				failed(ex);
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

}
