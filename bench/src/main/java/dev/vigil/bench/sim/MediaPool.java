package dev.vigil.bench.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Real media files to upload, read once into memory: snapshots (JPEG, 100-400 KB as
 * cameras send them) and clips (AVI, 1-20 MB).
 *
 * @param snapshots JPEG files
 * @param clips video files
 */
public record MediaPool(List<MediaFile> snapshots, List<MediaFile> clips) {

	private static final long MIN_SNAPSHOT = 100 * 1024;

	private static final long MAX_SNAPSHOT = 400 * 1024;

	private static final long MIN_CLIP = 1024 * 1024;

	private static final long MAX_CLIP = 20 * 1024 * 1024;

	public MediaPool {
		if (snapshots.isEmpty()) {
			throw new IllegalArgumentException("No JPEG snapshots of 100-400 KB found: run ./vigil setup");
		}
		snapshots = List.copyOf(snapshots);
		clips = List.copyOf(clips);
	}

	/**
	 * Loads the real test media below a directory (e.g. {@code .vigil/media}).
	 * @param root directory to scan
	 * @return the pool, files sorted by name so a seed reproduces a run
	 */
	public static MediaPool load(Path root) {
		List<MediaFile> snapshots = new ArrayList<>();
		List<MediaFile> clips = new ArrayList<>();
		// The real path: .vigil/media is often a link to a shared copy (links below it
		// are
		// not followed).
		try (Stream<Path> files = Files.walk(root.toRealPath())) {
			for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				long size = Files.size(file);
				if (name.endsWith(".jpg") && size >= MIN_SNAPSHOT && size <= MAX_SNAPSHOT) {
					snapshots.add(new MediaFile(file.getFileName().toString(), Files.readAllBytes(file), false));
				}
				else if (name.endsWith(".avi") && size >= MIN_CLIP && size <= MAX_CLIP) {
					clips.add(new MediaFile(file.getFileName().toString(), Files.readAllBytes(file), true));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read test media under " + root, ex);
		}
		return new MediaPool(snapshots, clips);
	}

	MediaFile pick(Random random, double clipShare) {
		if (!this.clips.isEmpty() && random.nextDouble() < clipShare) {
			return this.clips.get(random.nextInt(this.clips.size()));
		}
		return this.snapshots.get(random.nextInt(this.snapshots.size()));
	}

	/**
	 * One media file.
	 *
	 * @param name source file name
	 * @param content the bytes
	 * @param clip whether it is a video clip
	 */
	public record MediaFile(String name, byte[] content, boolean clip) {

	}

}
