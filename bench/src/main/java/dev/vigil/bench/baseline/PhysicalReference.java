package dev.vigil.bench.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The physical ceiling of this machine for what the edge does: writing files durably to
 * the spool disk, and moving bytes over loopback TCP. Vigil and vsftpd are compared with
 * these in the same run.
 */
public final class PhysicalReference {

	private PhysicalReference() {
	}

	/**
	 * Sequential write speed of a directory's disk, fsync included, like {@code dd
	 * conv=fsync}.
	 * @param dir a directory on the disk to measure
	 * @param megabytes how much to write
	 * @return MB/s
	 * @throws IOException if the file cannot be written
	 */
	public static double diskWriteMegabytesPerSecond(Path dir, int megabytes) throws IOException {
		Path file = Files.createTempFile(dir, "disk-reference", ".bin");
		ByteBuffer block = ByteBuffer.allocateDirect(1024 * 1024);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			long started = System.nanoTime();
			for (int i = 0; i < megabytes; i++) {
				block.clear();
				while (block.hasRemaining()) {
					channel.write(block);
				}
			}
			channel.force(true);
			return megabytes * 1.048576 / ((System.nanoTime() - started) / 1e9);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Throughput of one TCP connection over loopback.
	 * @param megabytes how much to send
	 * @return MB/s
	 * @throws IOException if the connection fails
	 * @throws InterruptedException if interrupted
	 */
	public static double loopbackMegabytesPerSecond(int megabytes) throws IOException, InterruptedException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Long> received = executor.submit(() -> {
				try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
					byte[] buffer = new byte[256 * 1024];
					long total = 0;
					for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
						total += read;
					}
					return total;
				}
			});
			long started = System.nanoTime();
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
					OutputStream out = socket.getOutputStream()) {
				byte[] block = new byte[1024 * 1024];
				for (int i = 0; i < megabytes; i++) {
					out.write(block);
				}
			}
			long bytes = received.get();
			return bytes / 1e6 / ((System.nanoTime() - started) / 1e9);
		}
		catch (ExecutionException ex) {
			throw new IOException("Loopback receiver failed", ex.getCause());
		}
	}

}
