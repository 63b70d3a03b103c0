package dev.vigil.ingest.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed FTPS certificate for installations that configure none. It is made once
 * with the JDK's {@code keytool} (present in every JDK and JRE image, on ARM too) and
 * kept in the data directory, so cameras that pin the certificate keep working after
 * restarts.
 */
final class TlsKeystore {

	private static final Logger log = LoggerFactory.getLogger(TlsKeystore.class);

	private TlsKeystore() {
	}

	/**
	 * @return {keystore path, password}
	 */
	static String[] generated(Path dataDir, String commonName) throws IOException {
		Path keystore = dataDir.resolve("ftps-keystore.p12");
		Path passwordFile = dataDir.resolve("ftps-keystore.password");
		if (Files.exists(keystore) && Files.exists(passwordFile)) {
			return new String[] { keystore.toString(), Files.readString(passwordFile).trim() };
		}
		Files.createDirectories(dataDir);
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.deleteIfExists(keystore);
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "vigil-ftps", "-keyalg", "RSA",
				"-keysize", "2048", "-validity", "3650", "-dname", "CN=" + commonName, "-keystore", keystore.toString(),
				"-storetype", "PKCS12", "-storepass", password, "-keypass", password))
			.redirectErrorStream(true)
			.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while generating the FTPS certificate", ex);
		}
		Files.writeString(passwordFile, password);
		restrict(passwordFile);
		restrict(keystore);
		log.info("Generated a self-signed FTPS certificate (CN={}) in {}", commonName, keystore);
		return new String[] { keystore.toString(), password };
	}

	static void restrict(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// Not a POSIX file system: the directory's permissions have to do.
		}
	}

}
