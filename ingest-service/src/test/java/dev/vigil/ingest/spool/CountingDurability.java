package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The spool's real fsyncs and counters, with two test controls: hold the next journal
 * fsync until released (so the uploads that finish meanwhile are seen to collect), and
 * fail the next journal fsync.
 */
class CountingDurability extends Durability {

	private final boolean sync;

	private final AtomicBoolean holdNext = new AtomicBoolean();

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicBoolean failNext = new AtomicBoolean();

	// sync: really fsync; false for tests that only model the files
	CountingDurability(boolean sync) {
		this.sync = sync;
	}

	void holdNextJournalSync() {
		this.holdNext.set(true);
	}

	void release() {
		this.released.countDown();
	}

	void failNextJournalSync() {
		this.failNext.set(true);
	}

	@Override
	void content(Path file) throws IOException {
		if (this.sync) {
			super.content(file);
		}
	}

	@Override
	void directory(Path directory) throws IOException {
		if (this.sync) {
			super.directory(directory);
		}
	}

	@Override
	void journal(FileChannel channel) throws IOException {
		if (this.holdNext.compareAndSet(true, false)) {
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.failNext.compareAndSet(true, false)) {
			throw new IOException("simulated I/O error");
		}
		if (this.sync) {
			super.journal(channel);
		}
	}

}
