import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Stand-in for the mongo image (compose-test only; compiled by compose-test.sh): the MongoDB
 * wire server devstack uses (mongo-java-server, H2 file backend, oplog for change streams) on
 * 0.0.0.0:27017 with its data under /data/db. It answers {@code hello} like {@code isMaster}
 * (Boot's health check sends it); it has no users, so the test's override drops the
 * credentials from the services' MongoDB URIs.
 */
public class MongoStandin {

	static final class HelloBackend extends H2Backend {

		HelloBackend(String file) {
			super(file);
		}

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			String name = "hello".equalsIgnoreCase(command) ? "isMaster" : command;
			return super.handleCommand(channel, database, name, query);
		}

	}

	public static void main(String[] args) throws Exception {
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("/data/db"));
		HelloBackend backend = new HelloBackend("/data/db/vigil.mv.db");
		MongoServer server = new MongoServer(backend);
		server.enableOplog();
		server.bind("0.0.0.0", 27017);
		System.out.println("mongo stand-in (mongo-java-server) listening on 0.0.0.0:27017");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdownNow();
			backend.close();
		}));
		Thread.currentThread().join();
	}

}
