package dev.vigil.identity.grants;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Consents (which scopes a user granted a client) in MongoDB, one document per client and
 * user. The built-in clients need no consent; the store is shared by replicas and bounded
 * by clients × users.
 */
final class MongoAuthorizationConsentService implements OAuth2AuthorizationConsentService {

	static final String COLLECTION = "authorizationConsents";

	private final MongoTemplate mongo;

	private final RegisteredClientRepository clients;

	MongoAuthorizationConsentService(MongoTemplate mongo, RegisteredClientRepository clients) {
		this.mongo = mongo;
		this.clients = clients;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		Document id = id(consent.getRegisteredClientId(), consent.getPrincipalName());
		Document document = new Document("_id", id).append("authorities",
				consent.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		collection().replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		collection().deleteOne(Filters.eq("_id", id(consent.getRegisteredClientId(), consent.getPrincipalName())));
	}

	@Override
	public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		Document document = collection().find(Filters.eq("_id", id(registeredClientId, principalName))).first();
		if (document == null || this.clients.findById(registeredClientId) == null) {
			return null;
		}
		OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId,
				principalName);
		document.getList("authorities", String.class, List.of())
			.forEach((authority) -> consent.authority(new SimpleGrantedAuthority(authority)));
		return consent.build();
	}

	private static Document id(String registeredClientId, String principalName) {
		return new Document("client", registeredClientId).append("principal", principalName);
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
