package dev.vigil.bench.fault;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.vigil.bench.sim.Loopback;
import dev.vigil.devstack.Infrastructure;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import org.bson.Document;

/**
 * Reads what the platform holds straight from its stores: the originals in S3 (keys
 * {@code originals/{camera}/…/{sha256}.{ext}}, content read back and hashed once per key)
 * and the catalog's {@code media} documents (id {@code <camera>.<sha256>}, the content
 * hash in {@code sha256}).
 */
final class Stores implements AutoCloseable {

	private static final String ORIGINALS = "originals/";

	static {
		// The driver's connection chatter (slf4j-simple) would bury the suite's output.
		if (System.getProperty("org.slf4j.simpleLogger.log.org.mongodb.driver") == null) {
			System.setProperty("org.slf4j.simpleLogger.log.org.mongodb.driver", "warn");
		}
	}

	private final Infrastructure infrastructure;

	private final MinioClient s3;

	private final MongoClient mongo;

	private final MongoCollection<Document> media;

	/** Key → whether its content matched the hash in its name, read once. */
	private final Map<String, Boolean> checkedKeys = new ConcurrentHashMap<>();

	Stores(Infrastructure infrastructure, String catalogDatabase) {
		Loopback.require(java.net.URI.create(infrastructure.s3Endpoint()).getHost());
		this.infrastructure = infrastructure;
		this.s3 = MinioClient.builder()
			.endpoint(infrastructure.s3Endpoint())
			.credentials(infrastructure.s3AccessKey(), infrastructure.s3SecretKey())
			.region(infrastructure.s3Region())
			.build();
		ConnectionString uri = new ConnectionString(infrastructure.mongoUri());
		uri.getHosts().forEach((host) -> Loopback.require(host.substring(0, host.lastIndexOf(':'))));
		this.mongo = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(uri)
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
			.build());
		this.media = this.mongo.getDatabase(catalogDatabase).getCollection("media");
	}

	/**
	 * Reads both stores.
	 * @param hashes the content hashes to look up in the catalog and to verify in S3
	 * @return the view
	 * @throws IOException if a store cannot be read
	 */
	StoreView read(Collection<String> hashes) throws IOException {
		Set<String> wanted = new HashSet<>(hashes);
		Map<String, Integer> objectsByHash = new HashMap<>();
		Set<String> verified = new HashSet<>();
		Set<String> corrupt = new HashSet<>();
		try {
			for (Result<Item> result : this.s3.listObjects(ListObjectsArgs.builder()
				.bucket(this.infrastructure.s3Bucket())
				.prefix(ORIGINALS)
				.recursive(true)
				.build())) {
				String key = result.get().objectName();
				String hash = hashOf(key);
				objectsByHash.merge(hash, 1, Integer::sum);
				if (wanted.contains(hash)) {
					boolean matches = this.checkedKeys.computeIfAbsent(key, (k) -> contentMatches(k, hash));
					(matches ? verified : corrupt).add(matches ? hash : key);
				}
			}
		}
		catch (Exception ex) {
			throw new IOException("Cannot list S3: " + ex.getMessage(), ex);
		}
		Map<String, Integer> documentsByHash = new HashMap<>();
		Set<String> indexed = new HashSet<>();
		Set<String> processed = new HashSet<>();
		try {
			for (Document document : this.media.find(Filters.in("sha256", List.copyOf(wanted)))
				.projection(Projections.include("sha256", "receivedAt", "deletedAt", "processEventId"))) {
				String id = document.getString("sha256");
				documentsByHash.merge(id, 1, Integer::sum);
				if (document.get("receivedAt") != null && document.get("deletedAt") == null) {
					indexed.add(id);
				}
				if (document.get("processEventId") != null) {
					processed.add(id);
				}
			}
		}
		catch (RuntimeException ex) {
			throw new IOException("Cannot read the catalog's MongoDB: " + ex.getMessage(), ex);
		}
		return new StoreView(objectsByHash, verified, corrupt, documentsByHash, indexed, processed);
	}

	private boolean contentMatches(String key, String hash) {
		try (InputStream in = this.s3
			.getObject(GetObjectArgs.builder().bucket(this.infrastructure.s3Bucket()).object(key).build());
				DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
			digest.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(digest.getMessageDigest().digest()).equals(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read s3://" + this.infrastructure.s3Bucket() + "/" + key, ex);
		}
	}

	/**
	 * The content hash in a content-addressed key.
	 * @param key e.g. {@code originals/cam/2026/11/25/08/<sha256>.jpg}
	 * @return the hash
	 */
	static String hashOf(String key) {
		String name = key.substring(key.lastIndexOf('/') + 1);
		int dot = name.indexOf('.');
		return (dot < 0) ? name : name.substring(0, dot);
	}

	@Override
	public void close() {
		this.mongo.close();
	}

}
