package dev.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB wire-protocol server (mongo-java-server, H2 file backend) in this JVM: it is
 * a small Netty server with no conflicting dependencies, and no real {@code mongod} can
 * be installed here. The oplog is enabled so change streams work. The H2 file survives a
 * restart.
 */
final class MongoWireServer implements ManagedComponent {

	private final Path file;

	private final int port;

	private @Nullable MongoServer server;

	private @Nullable H2Backend backend;

	MongoWireServer(Path dataDir, int port) {
		this.file = dataDir.resolve("mongo").resolve("vigil.mv.db");
		this.port = port;
	}

	String uri() {
		return "mongodb://" + DevstackSettings.HOST + ":" + this.port;
	}

	@Override
	public Component component() {
		return Component.MONGO;
	}

	@Override
	public synchronized void launch() {
		if (this.server != null) {
			return;
		}
		try {
			Files.createDirectories(this.file.getParent());
			H2Backend h2 = new H2Backend(this.file.toString());
			MongoServer mongo = new MongoServer(h2);
			mongo.enableOplog();
			try {
				mongo.bind(DevstackSettings.HOST, this.port);
			}
			catch (RuntimeException ex) {
				mongo.shutdownNow();
				h2.close();
				throw ex;
			}
			this.backend = h2;
			this.server = mongo;
		}
		catch (IOException | RuntimeException ex) {
			throw new DevstackException("Cannot start the MongoDB wire server on " + DevstackSettings.HOST + ":"
					+ this.port + " with data " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void awaitReady(Duration timeout) {
		Await.until("MongoDB wire server on " + DevstackSettings.HOST + ":" + this.port, timeout, null,
				"this JVM's log", () -> Ports.accepts(this.port));
	}

	@Override
	public synchronized void stop() {
		MongoServer mongo = this.server;
		H2Backend h2 = this.backend;
		this.server = null;
		this.backend = null;
		if (mongo != null) {
			mongo.shutdownNow();
		}
		if (h2 != null) {
			h2.close();
		}
	}

	@Override
	public synchronized boolean running() {
		return this.server != null;
	}

	@Override
	public OptionalLong pid() {
		return OptionalLong.empty();
	}

	@Override
	public String where() {
		return uri() + " (mongo-java-server in this JVM, H2 file " + this.file + ")";
	}

}
