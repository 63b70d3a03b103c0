package dev.vigil.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Free-port selection and "who holds this port" diagnostics (Linux {@code /proc}).
 */
final class Ports {

	private Ports() {
	}

	/** A port that was free a moment ago on the loopback interface. */
	static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new DevstackException("Cannot find a free port: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether something accepts TCP connections on the loopback port.
	 * @param port the port
	 * @return true when a connection succeeded
	 */
	static boolean accepts(int port) {
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Fails when the port cannot be bound, naming the process that listens on it.
	 * @param port the port
	 * @param component what wanted it (for the message)
	 */
	static void requireFree(int port, String component) {
		if (!isFree(port)) {
			throw new DevstackException("Port " + port + " (" + component + ") is already in use by " + holder(port)
					+ "; stop it or choose another port with the matching --*-port flag");
		}
	}

	/**
	 * Describes the processes listening on a TCP port, from {@code /proc/net/tcp*} and
	 * {@code /proc/[pid]/fd}.
	 * @param port the port
	 * @return for example {@code pid 123 (java -jar s3proxy.jar ...)}
	 */
	static String holder(int port) {
		Set<String> inodes = listeningInodes(port);
		if (inodes.isEmpty()) {
			return "an unknown process (no listening socket found in /proc/net/tcp)";
		}
		List<String> holders = new ArrayList<>();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				if (holdsAny(process, inodes)) {
					holders.add("pid " + process.getFileName() + " (" + commandLine(process) + ")");
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Diagnostics only: fall through to the generic answer.
		}
		return holders.isEmpty() ? "a process this user cannot inspect" : String.join(", ", holders);
	}

	static Set<String> listeningInodes(int port) {
		Set<String> inodes = new HashSet<>();
		String hexPort = String.format(Locale.ROOT, "%04X", port);
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] fields = line.trim().split("\\s+");
					// sl local_address rem_address st ... inode (field 9); 0A = LISTEN
					if (fields.length > 9 && fields[1].endsWith(":" + hexPort) && fields[3].equals("0A")) {
						inodes.add(fields[9]);
					}
				}
			}
			catch (IOException ex) {
				// No such table (no IPv6): nothing listens there.
			}
		}
		return inodes;
	}

	private static boolean holdsAny(Path process, Set<String> inodes) {
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
			for (Path fd : fds) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")
							&& inodes.contains(target.substring("socket:[".length(), target.length() - 1))) {
						return true;
					}
				}
				catch (IOException ex) {
					// The descriptor closed while we looked.
				}
			}
		}
		catch (IOException | SecurityException ex) {
			// Another user's process, or it exited.
		}
		return false;
	}

	private static String commandLine(Path process) {
		try {
			String raw = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
			String command = raw.replace('\0', ' ').trim();
			return (command.length() > 160) ? command.substring(0, 160) + "..." : command;
		}
		catch (IOException ex) {
			return "unknown command";
		}
	}

}
