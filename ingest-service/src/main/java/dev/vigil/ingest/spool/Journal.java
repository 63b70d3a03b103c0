package dev.vigil.ingest.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.vigil.ingest.spool.JournalCodec.Entry;
import dev.vigil.ingest.spool.JournalCodec.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's append-only journal: {@code journal/journal-<generation>.log}, lines as
 * {@link JournalCodec} describes. Appends are written in batches and made durable with
 * one fdatasync per batch (group commit). When the file has grown well past what it still
 * has to say, it is compacted: the live state is written to the next generation under a
 * temporary name, fsync'd, renamed into place, the directory fsync'd, and the old
 * generation deleted. At open, the newest generation is the truth (a generation only gets
 * its name complete), a cut-off last batch is truncated away, and older generations and
 * temporary files are removed. Not thread-safe: one committer writes.
 */
final class Journal implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(Journal.class);

	private static final String PREFIX = "journal-";

	private static final String SUFFIX = ".log";

	private final Path directory;

	private final Durability durability;

	/** Compact once the file is this much larger than twice its last compacted size. */
	private final long compactSlack;

	private FileChannel channel;

	private long generation;

	private long size;

	private long compactedSize;

	private ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);

	private boolean broken;

	private Journal(Path directory, Durability durability, long compactSlack) {
		this.directory = directory;
		this.durability = durability;
		this.compactSlack = compactSlack;
	}

	/**
	 * Open the journal in {@code directory}, handing every valid entry, oldest first, to
	 * {@code visitor}.
	 */
	static Journal open(Path directory, Durability durability, long compactSlack, Consumer<Entry> visitor)
			throws IOException {
		Journal journal = new Journal(directory, durability, compactSlack);
		journal.recover(visitor);
		return journal;
	}

	private void recover(Consumer<Entry> visitor) throws IOException {
		List<Path> generations = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, PREFIX + "*")) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				if (name.endsWith(SUFFIX)) {
					generations.add(file);
				}
				else if (name.endsWith(".tmp")) {
					// A compaction that did not finish: the previous generation is
					// intact.
					Files.delete(file);
				}
			}
		}
		generations.sort(null);
		if (generations.isEmpty()) {
			this.generation = 0;
			compact(List.of());
			return;
		}
		Path current = generations.getLast();
		this.generation = generation(current);
		this.channel = FileChannel.open(current, StandardOpenOption.READ, StandardOpenOption.WRITE);
		byte[] bytes = Files.readAllBytes(current);
		int goodEnd = 0;
		int corrupt = 0;
		int invalidSinceGood = 0;
		int start = 0;
		boolean header = false;
		for (int newline = indexOf(bytes, start); newline >= 0; newline = indexOf(bytes, start)) {
			Entry entry = JournalCodec.decode(bytes, start, newline - start);
			if (entry == null) {
				invalidSinceGood++;
			}
			else {
				if (entry instanceof Header(int version)) {
					if (version != 1) {
						throw new IOException("Spool journal " + current + " has unknown format version " + version);
					}
					header = true;
				}
				visitor.accept(entry);
				goodEnd = newline + 1;
				// Invalid lines followed by valid ones are damage, not a cut-off tail.
				corrupt += invalidSinceGood;
				invalidSinceGood = 0;
			}
			start = newline + 1;
		}
		if (corrupt > 0) {
			Path copy = current.resolveSibling(current.getFileName() + ".corrupt-" + System.currentTimeMillis());
			Files.copy(current, copy);
			log.error("Spool journal {} has {} unreadable lines (media corruption?); skipped them, copy kept as {}",
					current.getFileName(), corrupt, copy.getFileName());
		}
		if (goodEnd < bytes.length) {
			// The last batch was cut off by a crash: its uploads never got their 226.
			log.warn("Spool journal {}: dropping {} bytes of an unfinished last write", current.getFileName(),
					bytes.length - goodEnd);
			this.channel.truncate(goodEnd);
			this.durability.journal(this.channel);
		}
		this.size = goodEnd;
		this.compactedSize = goodEnd;
		if (!header) {
			append(List.of(JournalCodec.frame(JournalCodec.HEADER)));
		}
		for (Path older : generations.subList(0, generations.size() - 1)) {
			Files.delete(older);
		}
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static long generation(Path file) {
		String name = file.getFileName().toString();
		return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
	}

	private Path file(long generation) {
		return this.directory.resolve(PREFIX + String.format("%020d", generation) + SUFFIX);
	}

	/**
	 * Append framed lines and make them durable (one fdatasync). On failure the file is
	 * cut back to where it was, so a later batch never follows a torn one; if even that
	 * fails the journal refuses all further writes.
	 */
	void append(List<byte[]> lines) throws IOException {
		if (this.broken) {
			throw new IOException("spool journal unusable after an earlier write error; restart the edge");
		}
		int total = 0;
		for (byte[] line : lines) {
			total += line.length;
		}
		if (this.buffer.capacity() < total) {
			this.buffer = ByteBuffer.allocate(Math.max(total, this.buffer.capacity() * 2));
		}
		this.buffer.clear();
		for (byte[] line : lines) {
			this.buffer.put(line);
		}
		this.buffer.flip();
		try {
			long position = this.size;
			while (this.buffer.hasRemaining()) {
				position += this.channel.write(this.buffer, position);
			}
			this.durability.journal(this.channel);
			this.size = position;
		}
		catch (IOException ex) {
			try {
				this.channel.truncate(this.size);
				this.channel.force(false);
			}
			catch (IOException truncateFailed) {
				ex.addSuppressed(truncateFailed);
				this.broken = true;
			}
			throw ex;
		}
	}

	boolean isBroken() {
		return this.broken;
	}

	/** Whether the file has grown enough past its live content to be worth compacting. */
	boolean compactionDue() {
		return this.size > 2 * this.compactedSize + this.compactSlack;
	}

	/**
	 * Replace the journal by one holding only {@code live} (framed lines): the next
	 * generation, complete and durable before it gets its name.
	 */
	void compact(List<byte[]> live) throws IOException {
		long next = this.generation + 1;
		Path target = file(next);
		Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
		long written = 0;
		try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			List<byte[]> lines = new ArrayList<>(live.size() + 1);
			lines.add(JournalCodec.frame(JournalCodec.HEADER));
			lines.addAll(live);
			ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
			for (byte[] line : lines) {
				if (chunk.remaining() < line.length) {
					written += drain(out, chunk);
				}
				if (line.length > chunk.capacity()) {
					written += out.write(ByteBuffer.wrap(line));
				}
				else {
					chunk.put(line);
				}
			}
			written += drain(out, chunk);
			this.durability.journal(out);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		this.durability.directory(this.directory);
		Path previous = (this.channel != null) ? file(this.generation) : null;
		if (this.channel != null) {
			this.channel.close();
		}
		this.channel = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE);
		this.generation = next;
		this.size = written;
		this.compactedSize = written;
		if (previous != null) {
			// Not fsync'd: if the deletion is lost, the next open removes it again.
			Files.deleteIfExists(previous);
		}
	}

	private static long drain(FileChannel out, ByteBuffer chunk) throws IOException {
		chunk.flip();
		long written = 0;
		while (chunk.hasRemaining()) {
			written += out.write(chunk);
		}
		chunk.clear();
		return written;
	}

	long size() {
		return this.size;
	}

	@Override
	public void close() throws IOException {
		if (this.channel != null) {
			this.channel.close();
		}
	}

}
