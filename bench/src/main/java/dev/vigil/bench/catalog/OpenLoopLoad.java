package dev.vigil.bench.catalog;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Offers HTTP requests on an open-loop {@link RateSchedule} with at most
 * {@code maxInFlight} outstanding: a request that is due while the bound is reached is
 * not sent and counts as dropped. Each request has its own timeout; the phase ends when
 * every request sent has answered or timed out.
 */
public final class OpenLoopLoad {

	private static final long TIMEOUT = -1;

	private static final long ERROR = -2;

	private static final long NOT_SENT = -3;

	private final HttpClient http;

	private final int maxInFlight;

	private final Duration requestTimeout;

	/**
	 * A load generator.
	 * @param http the client (HTTP/1.1, loopback)
	 * @param maxInFlight bound of outstanding requests
	 * @param requestTimeout per request
	 */
	public OpenLoopLoad(HttpClient http, int maxInFlight, Duration requestTimeout) {
		this.http = http;
		this.maxInFlight = maxInFlight;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Runs one phase.
	 * @param schedule rate and length
	 * @param requests request {@code i} (its timeout is set here)
	 * @param inspector sees each 2xx body, may be null
	 * @return the measurements
	 * @throws InterruptedException if interrupted
	 */
	public PhaseResult run(RateSchedule schedule, IntFunction<HttpRequest.Builder> requests,
			@Nullable Inspector inspector) throws InterruptedException {
		int count = schedule.count();
		long[] outcome = new long[count];
		Arrays.fill(outcome, NOT_SENT);
		Semaphore permits = new Semaphore(this.maxInFlight);
		AtomicInteger dropped = new AtomicInteger();
		long[] lastAnswer = { 0 };
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + schedule.dueNanos(i);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (!permits.tryAcquire()) {
				dropped.incrementAndGet();
				continue;
			}
			int index = i;
			HttpRequest request = requests.apply(i).timeout(this.requestTimeout).build();
			HttpResponse.BodyHandler<String> body = (inspector != null) ? HttpResponse.BodyHandlers.ofString()
					: (info) -> HttpResponse.BodySubscribers.replacing("");
			this.http.sendAsync(request, body).whenComplete((response, failure) -> {
				long now = System.nanoTime();
				try {
					if (failure != null) {
						outcome[index] = (isTimeout(failure)) ? TIMEOUT : ERROR;
					}
					else if (response.statusCode() / 100 == 2) {
						outcome[index] = now - due;
						if (inspector != null) {
							inspector.inspect(index, response.body());
						}
					}
					else {
						outcome[index] = ERROR;
					}
					synchronized (lastAnswer) {
						lastAnswer[0] = Math.max(lastAnswer[0], now);
					}
				}
				finally {
					permits.release();
				}
			});
		}
		// Every request sent answers or times out within the request timeout.
		boolean drained = permits.tryAcquire(this.maxInFlight, this.requestTimeout.toMillis() + 5_000,
				TimeUnit.MILLISECONDS);
		long end;
		synchronized (lastAnswer) {
			end = Math.max(lastAnswer[0], start + schedule.length().toNanos());
		}
		int errors = 0;
		int timeouts = 0;
		int sent = 0;
		long[] ok = new long[count];
		int okCount = 0;
		synchronized (lastAnswer) {
			for (long value : outcome) {
				if (value >= 0) {
					ok[okCount++] = value;
				}
				else if (value == TIMEOUT) {
					timeouts++;
				}
				else if (value == ERROR) {
					errors++;
				}
				if (value != NOT_SENT) {
					sent++;
				}
			}
		}
		int unanswered = count - dropped.get() - sent;
		if (!drained || unanswered > 0) {
			timeouts += Math.max(0, unanswered);
		}
		return PhaseResult.of(count, errors, timeouts, dropped.get(), (end - start) / 1e9, Arrays.copyOf(ok, okCount));
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Looks at successful response bodies (e.g. to collect cursors).
	 */
	@FunctionalInterface
	public interface Inspector {

		void inspect(int index, String body);

	}

}
