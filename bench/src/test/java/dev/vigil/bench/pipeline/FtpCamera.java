package dev.vigil.bench.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera with the account an admin just created: a real FTP client (commons-net) on the
 * edge's loopback port, passive mode, binary, directories made as it goes.
 */
final class FtpCamera {

	private FtpCamera() {
	}

	/** Uploads a file as {@code directory/name} and asserts the server took it. */
	static void upload(int port, String user, String password, String directory, String name, Path file)
			throws IOException {
		FTPClient client = new FTPClient();
		client.connect("127.0.0.1", port);
		try {
			assertThat(client.login(user, password)).isTrue();
			client.setFileType(FTP.BINARY_FILE_TYPE);
			client.enterLocalPassiveMode();
			client.makeDirectory(directory);
			try (InputStream in = Files.newInputStream(file)) {
				assertThat(client.storeFile(directory + "/" + name, in)).as(client.getReplyString()).isTrue();
			}
		}
		finally {
			client.disconnect();
		}
	}

	/** Whether the edge accepts this login now (false also when it does not answer). */
	static boolean canLogIn(int port, String user, String password) {
		FTPClient client = new FTPClient();
		try {
			client.connect("127.0.0.1", port);
			return client.login(user, password);
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			try {
				client.disconnect();
			}
			catch (IOException ex) {
				// Closing after a failed connect.
			}
		}
	}

}
