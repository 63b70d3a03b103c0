package dev.vigil.bench.sim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;

/**
 * Simulates IP cameras uploading motion bursts over FTP, one session per camera, each on
 * a virtual thread, the way firmware does it: log in, create the directory chain, upload
 * K files (plain STOR or a temporary name renamed afterwards), quit. Every loop is
 * bounded by the file count and the run by a deadline; the target must be a loopback
 * address.
 */
public final class CameraSimulator {

	private final MediaPool media;

	public CameraSimulator(MediaPool media) {
		this.media = media;
	}

	/**
	 * Runs one burst from every camera at once and waits for all of them.
	 * @param options what to simulate
	 * @return every upload attempt with the server's answer
	 * @throws InterruptedException if interrupted while waiting
	 */
	public SimulationResult run(Options options) throws InterruptedException {
		return run(options, (upload) -> {
		});
	}

	/**
	 * Runs one burst from every camera at once and waits for all of them, telling a
	 * listener about each upload as soon as the server has answered it (on the camera's
	 * thread, so it must be thread-safe and quick): what a benchmark needs to time what
	 * happens to a file after the camera saw its {@code 226}.
	 * @param options what to simulate
	 * @param listener called once per transfer the server answered, right after its
	 * answer
	 * @return every upload attempt with the server's answer
	 * @throws InterruptedException if interrupted while waiting
	 */
	public SimulationResult run(Options options, Consumer<Upload> listener) throws InterruptedException {
		Loopback.require(options.host());
		long started = System.nanoTime();
		List<Future<List<Upload>>> sessions = new ArrayList<>();
		try (ExecutorService cameras = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int index = 0; index < options.cameras().size(); index++) {
				Camera camera = options.cameras().get(index);
				Random random = new Random(options.seed() * 31 + index);
				// Paced cameras start spread over one interval, so the rate is steady.
				long firstDue = started + options.pace().toNanos() * index / options.cameras().size();
				sessions.add(cameras.submit(() -> session(camera, random, options, firstDue, listener)));
			}
			List<Upload> uploads = new ArrayList<>();
			long deadline = started + options.deadline().toNanos();
			for (Future<List<Upload>> session : sessions) {
				try {
					uploads.addAll(session.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
				}
				catch (TimeoutException ex) {
					cameras.shutdownNow();
					throw new IllegalStateException("Simulation exceeded its deadline of " + options.deadline());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new IllegalStateException("A camera session failed unexpectedly", ex.getCause());
				}
			}
			return new SimulationResult(uploads, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private List<Upload> session(Camera camera, Random random, Options options, long firstDue,
			Consumer<Upload> listener) throws InterruptedException {
		List<Upload> uploads = new ArrayList<>(options.filesPerCamera());
		FTPClient ftp = options.explicitTls() ? new FTPSClient(false) : new FTPClient();
		if (ftp instanceof FTPSClient ftps) {
			// Loopback only, and cameras never verify certificates either.
			ftps.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
		}
		ftp.setConnectTimeout(10_000);
		ftp.setDefaultTimeout(30_000);
		ftp.setDataTimeout(Duration.ofSeconds(60));
		LocalDateTime clock = options.startTime().plusMinutes(random.nextInt(30));
		try {
			ftp.connect(options.host(), options.port());
			if (ftp instanceof FTPSClient ftps) {
				ftps.execPBSZ(0);
				ftps.execPROT("P");
			}
			if (!ftp.login(camera.user(), camera.password())) {
				return failAll(camera, options, "login refused: " + ftp.getReplyString().trim(), ftp.getReplyCode());
			}
			ftp.setFileType(FTP.BINARY_FILE_TYPE);
			if (options.transfer() == Transfer.ACTIVE) {
				ftp.enterLocalActiveMode();
			}
			else {
				ftp.enterLocalPassiveMode();
			}
			String currentDirectory = null;
			for (int sequence = 0; sequence < options.filesPerCamera(); sequence++) {
				MediaPool.MediaFile file = this.media.pick(random, options.clipShare());
				clock = clock.plusSeconds(1 + random.nextInt(3));
				String directory = options.naming().directory(camera.id(), camera.device(), file.clip());
				if (!directory.equals(currentDirectory)) {
					changeDirectory(ftp, options.remoteRoot(), directory);
					currentDirectory = directory;
				}
				String name = options.naming().fileName(camera.device(), clock, sequence, file.clip());
				byte[] content = options.uniqueContent()
						? Uniquifier.unique(file.content(), camera.id() + "/" + options.seed() + "/" + sequence)
						: file.content();
				awaitDue(firstDue + sequence * options.pace().toNanos());
				Upload upload = upload(ftp, camera, directory, name, content, options.style());
				uploads.add(upload);
				listener.accept(upload);
			}
			ftp.logout();
		}
		catch (IOException ex) {
			int remaining = options.filesPerCamera() - uploads.size();
			for (int i = 0; i < remaining; i++) {
				uploads.add(new Upload(camera.id(), "", 0, "", 0, 0, false, "connection failed: " + ex.getMessage()));
			}
		}
		finally {
			disconnect(ftp);
		}
		return uploads;
	}

	private static void awaitDue(long due) throws InterruptedException {
		long wait = due - System.nanoTime();
		if (wait > 0) {
			Thread.sleep(Duration.ofNanos(wait));
		}
	}

	private static void changeDirectory(FTPClient ftp, String remoteRoot, String directory) throws IOException {
		if (!ftp.changeWorkingDirectory("/" + remoteRoot)) {
			throw new IOException("cannot enter /" + remoteRoot + ": " + ftp.getReplyString().trim());
		}
		if (directory.isEmpty()) {
			return;
		}
		for (String part : directory.split("/")) {
			if (!ftp.changeWorkingDirectory(part)) {
				ftp.makeDirectory(part);
				if (!ftp.changeWorkingDirectory(part)) {
					throw new IOException("cannot enter " + directory + ": " + ftp.getReplyString().trim());
				}
			}
		}
	}

	private static Upload upload(FTPClient ftp, Camera camera, String directory, String name, byte[] content,
			UploadStyle style) throws IOException {
		String path = directory.isEmpty() ? name : directory + "/" + name;
		String sha256 = sha256(content);
		long started = System.nanoTime();
		boolean stored;
		if (style == UploadStyle.TEMP_THEN_RENAME) {
			String temporary = name + ".tmp";
			stored = ftp.storeFile(temporary, new ByteArrayInputStream(content)) && ftp.rename(temporary, name);
		}
		else {
			stored = ftp.storeFile(name, new ByteArrayInputStream(content));
		}
		long latency = System.nanoTime() - started;
		int reply = ftp.getReplyCode();
		return new Upload(camera.id(), path, content.length, sha256, reply, latency,
				stored && FTPReply.isPositiveCompletion(reply), ftp.getReplyString().trim());
	}

	private static List<Upload> failAll(Camera camera, Options options, String reason, int reply) {
		List<Upload> uploads = new ArrayList<>();
		for (int i = 0; i < options.filesPerCamera(); i++) {
			uploads.add(new Upload(camera.id(), "", 0, "", reply, 0, false, reason));
		}
		return uploads;
	}

	private static void disconnect(FTPClient ftp) {
		if (ftp.isConnected()) {
			try {
				ftp.disconnect();
			}
			catch (IOException ex) {
				// The session is over either way.
			}
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A camera account.
	 *
	 * @param id camera id, also the top directory it creates
	 * @param user FTP user
	 * @param password FTP password
	 * @param device device id used in paths and legacy file names (e.g. a MAC address)
	 */
	public record Camera(String id, String user, String password, String device) {

		/**
		 * Cameras {@code <prefix>-00}, {@code <prefix>-01}, ... with their id as FTP
		 * user.
		 * @param prefix id prefix, e.g. {@code e2e-cam}
		 * @param count how many
		 * @param devicePrefix the start of the 12-hex-digit device ids (MAC-like), 10
		 * digits
		 * @return the cameras
		 */
		public static List<Camera> numbered(String prefix, int count, String devicePrefix) {
			List<Camera> cameras = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				String id = String.format(Locale.ROOT, "%s-%02d", prefix, i);
				cameras.add(new Camera(id, id, prefix + "-password-" + i,
						String.format(Locale.ROOT, "%s%02X", devicePrefix, i)));
			}
			return List.copyOf(cameras);
		}

	}

	/** How data connections are opened. */
	public enum Transfer {

		/** The client connects to a port the server opened (PASV/EPSV). */
		PASSIVE,
		/** The server connects back to the client (PORT/EPRT). */
		ACTIVE

	}

	/** How a file is written. */
	public enum UploadStyle {

		/** STOR under the final name. */
		STOR,
		/** STOR under a temporary name, then RNFR/RNTO to the final name. */
		TEMP_THEN_RENAME

	}

	/**
	 * What to simulate.
	 *
	 * @param host target host, loopback only
	 * @param port FTP control port
	 * @param remoteRoot directory the cameras upload below, relative to their home (""
	 * for the home itself)
	 * @param cameras the cameras, one session each
	 * @param filesPerCamera burst size K
	 * @param clipShare share of uploads that are clips (0 to 1)
	 * @param transfer passive or active data connections
	 * @param style plain STOR or temporary name + rename
	 * @param naming vendor file naming
	 * @param explicitTls AUTH TLS before login
	 * @param uniqueContent make every upload's bytes distinct
	 * @param seed makes a run reproducible
	 * @param startTime camera clock at the start of the burst
	 * @param deadline bound on the whole run
	 * @param pace interval between the starts of one camera's uploads
	 * ({@link Duration#ZERO}: as fast as the server takes them); paced cameras are spread
	 * evenly over one interval, so N cameras at pace P offer N/P files per second
	 */
	public record Options(String host, int port, String remoteRoot, List<Camera> cameras, int filesPerCamera,
			double clipShare, Transfer transfer, UploadStyle style, FileNaming naming, boolean explicitTls,
			boolean uniqueContent, long seed, LocalDateTime startTime, Duration deadline, Duration pace) {

		public Options {
			cameras = List.copyOf(cameras);
			if (pace.isNegative()) {
				throw new IllegalArgumentException("pace must not be negative");
			}
			if (remoteRoot.startsWith("/") || remoteRoot.contains("..")) {
				throw new IllegalArgumentException("remoteRoot must be relative");
			}
			if (filesPerCamera < 0 || filesPerCamera > 100_000) {
				throw new IllegalArgumentException("filesPerCamera must be between 0 and 100000");
			}
		}

		/**
		 * Options for a burst as fast as the server takes it (no pacing).
		 * @param host target host, loopback only
		 * @param port FTP control port
		 * @param remoteRoot directory the cameras upload below
		 * @param cameras the cameras, one session each
		 * @param filesPerCamera burst size K
		 * @param clipShare share of uploads that are clips (0 to 1)
		 * @param transfer passive or active data connections
		 * @param style plain STOR or temporary name + rename
		 * @param naming vendor file naming
		 * @param explicitTls AUTH TLS before login
		 * @param uniqueContent make every upload's bytes distinct
		 * @param seed makes a run reproducible
		 * @param startTime camera clock at the start of the burst
		 * @param deadline bound on the whole run
		 */
		public Options(String host, int port, String remoteRoot, List<Camera> cameras, int filesPerCamera,
				double clipShare, Transfer transfer, UploadStyle style, FileNaming naming, boolean explicitTls,
				boolean uniqueContent, long seed, LocalDateTime startTime, Duration deadline) {
			this(host, port, remoteRoot, cameras, filesPerCamera, clipShare, transfer, style, naming, explicitTls,
					uniqueContent, seed, startTime, deadline, Duration.ZERO);
		}

		/**
		 * Foscam-style passive STOR uploads of unique JPEG snapshots.
		 * @param host target host
		 * @param port FTP port
		 * @param cameras the cameras
		 * @param filesPerCamera burst size
		 * @return options with defaults for the rest
		 */
		public static Options snapshots(String host, int port, List<Camera> cameras, int filesPerCamera) {
			return new Options(host, port, "", cameras, filesPerCamera, 0.0, Transfer.PASSIVE, UploadStyle.STOR,
					FileNaming.FOSCAM, false, true, 42, LocalDateTime.of(2026, 11, 25, 8, 0), Duration.ofMinutes(10));
		}

		/**
		 * The same options, uploading below another directory.
		 * @param directory relative directory
		 * @return new options
		 */
		public Options under(String directory) {
			return new Options(this.host, this.port, directory, this.cameras, this.filesPerCamera, this.clipShare,
					this.transfer, this.style, this.naming, this.explicitTls, this.uniqueContent, this.seed,
					this.startTime, this.deadline, this.pace);
		}

		/**
		 * The same options, each camera starting one upload every {@code interval}
		 * instead of back to back (a late upload is followed at once by the next due
		 * one).
		 * @param interval time between the starts of one camera's uploads
		 * @return new options
		 */
		public Options paced(Duration interval) {
			return new Options(this.host, this.port, this.remoteRoot, this.cameras, this.filesPerCamera, this.clipShare,
					this.transfer, this.style, this.naming, this.explicitTls, this.uniqueContent, this.seed,
					this.startTime, this.deadline, interval);
		}

	}

	/**
	 * One upload attempt.
	 *
	 * @param camera camera id
	 * @param path path relative to the camera's home
	 * @param bytes size sent
	 * @param sha256 hex SHA-256 of what was sent
	 * @param replyCode the server's last reply code
	 * @param latencyNanos from the start of the transfer to the server's final reply
	 * @param accepted whether the server confirmed the file (2xx)
	 * @param reply the server's reply text
	 */
	public record Upload(String camera, String path, long bytes, String sha256, int replyCode, long latencyNanos,
			boolean accepted, String reply) {

	}

}
