package dev.vigil.ingest.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.LongAdder;

/**
 * The spool's fsyncs, counted by kind: content (one per taken file), directory (one per
 * group commit, plus journal file switches) and journal (one per group commit). Tests
 * substitute a subclass to hold a commit or to skip the disk.
 */
class Durability {

	private final LongAdder content = new LongAdder();

	private final LongAdder directory = new LongAdder();

	private final LongAdder journal = new LongAdder();

	/** Data of a newly written file (fdatasync: the size is included, the mtime not). */
	void content(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(false);
		}
		this.content.increment();
	}

	/** Names created, renamed or deleted in a directory. */
	void directory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		this.directory.increment();
	}

	/** Lines appended to the open journal file. */
	void journal(FileChannel channel) throws IOException {
		channel.force(false);
		this.journal.increment();
	}

	long contentSyncs() {
		return this.content.sum();
	}

	long directorySyncs() {
		return this.directory.sum();
	}

	long journalSyncs() {
		return this.journal.sum();
	}

}
