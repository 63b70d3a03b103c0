import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Stand-in for deploy/kafka/init.sh (compose-test only: the stand-in broker image has no
 * kafka-acls.sh): the same SCRAM users and the same acls.txt, through the Admin API.
 */
public final class KafkaInit {

	private static final Map<String, String> USERS = Map.of("ingest-service", "KAFKA_INGEST_PASSWORD",
			"processing-service", "KAFKA_PROCESSING_PASSWORD", "catalog-api", "KAFKA_CATALOG_PASSWORD",
			"notification-service", "KAFKA_NOTIFICATION_PASSWORD");

	private KafkaInit() {
	}

	public static void main(String[] args) throws Exception {
		String admin = require("VIGIL_KAFKA_ADMIN_PASSWORD");
		Map<String, Object> config = Map.of("bootstrap.servers", env("KAFKA_BOOTSTRAP", "kafka:9092"),
				"security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
						+ admin + "\";");
		try (Admin client = Admin.create(config)) {
			List<UserScramCredentialUpsertion> users = new ArrayList<>();
			USERS.forEach((user, variable) -> users.add(new UserScramCredentialUpsertion(user,
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), require(variable))));
			client.alterUserScramCredentials(new ArrayList<>(users)).all().get();
			System.out.println("kafka-init: SCRAM users " + USERS.keySet());
			List<AclBinding> acls = new ArrayList<>();
			for (String line : Files.readAllLines(Path.of(args[0]))) {
				String[] fields = line.strip().split("\\s+");
				if (fields[0].isEmpty() || fields[0].startsWith("#")) {
					continue;
				}
				ResourceType type = ResourceType.fromString(fields[2].toUpperCase(Locale.ROOT));
				for (String operation : fields[1].split(",")) {
					for (String name : fields[3].split(",")) {
						acls.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
								new AccessControlEntry("User:" + fields[0], "*",
										AclOperation.fromString(operation.toUpperCase(Locale.ROOT)),
										AclPermissionType.ALLOW)));
					}
				}
			}
			client.createAcls(acls).all().get();
			System.out.println("kafka-init: " + acls.size() + " ACLs");
		}
	}

	private static String require(String variable) {
		String value = System.getenv(variable);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(variable + " is not set");
		}
		return value;
	}

	private static String env(String variable, String fallback) {
		String value = System.getenv(variable);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
