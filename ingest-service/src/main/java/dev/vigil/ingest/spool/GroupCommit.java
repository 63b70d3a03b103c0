package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit, as PostgreSQL's WAL writer and Kafka's log flush do it: callers queue
 * their journal lines and wait; one thread takes everything queued, fsyncs the objects
 * directory once (when the batch takes new content), appends all lines and fsyncs the
 * journal once, applies the batch to the spool's memory, and only then releases the
 * callers. While one batch is on its way to the disk, the next one collects, so the
 * fsyncs per upload fall as the load rises, with no added delay when only one upload
 * finishes at a time.
 */
final class GroupCommit implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private static final int MAX_BATCH = 512;

	/** What the committer calls back into. */
	interface Owner {

		/** The batch is durable: update memory before anyone is answered. */
		void committed(List<Request> batch);

		/** Framed lines of everything the journal still has to remember. */
		List<byte[]> snapshot();

	}

	/** One journal line and who waits for it. */
	static final class Request {

		final byte[] line;

		final @Nullable SpoolRecord put;

		final long done;

		private final CompletableFuture<Void> result = new CompletableFuture<>();

		private Request(byte[] line, @Nullable SpoolRecord put, long done) {
			this.line = line;
			this.put = put;
			this.done = done;
		}

		static Request put(SpoolRecord record) {
			return new Request(JournalCodec.frame(JournalCodec.put(record)), record, -1);
		}

		static Request done(SpoolRecord record) {
			return new Request(JournalCodec.frame(JournalCodec.done(record.seq())), null, record.seq());
		}

	}

	private static final Request STOP = new Request(new byte[0], null, -1);

	private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final Journal journal;

	private final Durability durability;

	private final Path objects;

	private final Owner owner;

	private final Thread thread;

	private final LongAdder commits = new LongAdder();

	private volatile boolean closed;

	private volatile int writing;

	GroupCommit(Journal journal, Durability durability, Path objects, Owner owner) {
		this.journal = journal;
		this.durability = durability;
		this.objects = objects;
		this.owner = owner;
		// A platform thread: it spends its life in fsync, a blocking call that would pin
		// a virtual thread's carrier anyway.
		this.thread = Thread.ofPlatform().name("spool-commit").daemon().start(this::runUntilStopped);
	}

	/**
	 * Queue a line and wait until it is durable and applied.
	 * @throws IOException the batch could not be written: nothing of it counts
	 */
	void commit(Request request) throws IOException {
		if (this.closed) {
			throw new IOException("spool closed");
		}
		this.queue.add(request);
		if (!isRunning()) {
			request.result.completeExceptionally(new IOException("spool closed"));
		}
		try {
			// Not interruptible on purpose: the caller must learn whether it was written.
			request.result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw new IOException(io.getMessage(), io);
			}
			throw ex;
		}
	}

	/** Requests queued or in the batch being written (tests hold a batch to see this). */
	int unanswered() {
		return this.queue.size() + this.writing;
	}

	long commits() {
		return this.commits.sum();
	}

	private void runUntilStopped() {
		try {
			run();
		}
		catch (Throwable ex) {
			// Never leave uploads waiting on a committer that is gone: they fail (451)
			// and
			// readiness goes down with isWritable.
			this.closed = true;
			log.error("Spool committer stopped", ex);
			fail(this.queue, new IOException("spool committer stopped: " + ex));
			throw ex;
		}
	}

	boolean isRunning() {
		return !this.closed && this.thread.isAlive();
	}

	private void run() {
		List<Request> batch = new ArrayList<>();
		List<byte[]> lines = new ArrayList<>();
		while (true) {
			Request first;
			try {
				first = this.queue.take();
			}
			catch (InterruptedException ex) {
				fail(this.queue, new IOException("spool closed"));
				return;
			}
			batch.add(first);
			this.queue.drainTo(batch, MAX_BATCH - 1);
			boolean stop = batch.remove(STOP);
			if (!batch.isEmpty()) {
				this.writing = batch.size();
				try {
					write(batch, lines);
				}
				catch (Error ex) {
					fail(batch, new IOException("spool committer stopped: " + ex));
					throw ex;
				}
				this.writing = 0;
			}
			batch.clear();
			lines.clear();
			if (stop) {
				fail(this.queue, new IOException("spool closed"));
				return;
			}
		}
	}

	private void write(List<Request> batch, List<byte[]> lines) {
		boolean newContent = false;
		for (Request request : batch) {
			lines.add(request.line);
			newContent |= request.put != null;
		}
		try {
			if (newContent) {
				// The hard links (or copies) of every upload in the batch, in one go.
				this.durability.directory(this.objects);
			}
			this.journal.append(lines);
		}
		catch (IOException | RuntimeException ex) {
			log.error("Spool journal write failed; {} uploads/publications refused", batch.size(), ex);
			fail(batch, (ex instanceof IOException io) ? io : new IOException(ex));
			return;
		}
		this.commits.increment();
		try {
			this.owner.committed(batch);
		}
		finally {
			batch.forEach((request) -> request.result.complete(null));
		}
		if (this.journal.compactionDue()) {
			try {
				this.journal.compact(this.owner.snapshot());
			}
			catch (IOException | RuntimeException ex) {
				// Not fatal: the current file is intact and keeps growing until it works.
				log.warn("Spool journal compaction failed", ex);
			}
		}
	}

	private static void fail(Iterable<Request> requests, IOException failure) {
		for (Request request : requests) {
			request.result.completeExceptionally(failure);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.queue.add(STOP);
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
