package dev.vigil.identity.grants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Authorizations (codes, access, refresh and ID tokens with their metadata) as one
 * MongoDB document each, the way Spring Authorization Server's JDBC service stores them:
 * attributes and token metadata as JSON written by Spring Security's Jackson modules (an
 * allow-list of types, no arbitrary classes). Every document carries {@code expiresAt},
 * the latest expiry of its tokens, under a TTL index; {@link #purge} deletes what is past
 * it as well, so client-credentials and refresh grants never pile up. Shared by all
 * replicas: a code issued by one is redeemed at another, and a refresh token survives a
 * restart.
 */
final class MongoAuthorizationService implements OAuth2AuthorizationService {

	static final String COLLECTION = "authorizations";

	static final String EXPIRES_AT = "expiresAt";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String CODE = "authorizationCode";

	private static final String ACCESS = "accessToken";

	private static final String REFRESH = "refreshToken";

	private static final String ID_TOKEN = "oidcIdToken";

	private static final List<String> TOKEN_FIELDS = List.of(CODE, ACCESS, REFRESH, ID_TOKEN);

	private final MongoTemplate mongo;

	private final RegisteredClientRepository clients;

	private final Duration pendingTtl;

	private final Clock clock;

	private final JsonMapper json;

	MongoAuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients, Duration pendingTtl,
			Clock clock) {
		this.mongo = mongo;
		this.clients = clients;
		this.pendingTtl = pendingTtl;
		this.clock = clock;
		this.json = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(MongoAuthorizationService.class.getClassLoader()))
			.build();
	}

	/** TTL index on the expiry, and lookups by token value. */
	void createIndexes() {
		MongoCollection<Document> collection = collection();
		collection.createIndex(Indexes.ascending(EXPIRES_AT),
				new IndexOptions().expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
		collection.createIndex(Indexes.ascending("state"));
		for (String field : TOKEN_FIELDS) {
			collection.createIndex(Indexes.ascending(field + ".value"));
		}
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Document document = new Document("_id", authorization.getId())
			.append("registeredClientId", authorization.getRegisteredClientId())
			.append("principalName", authorization.getPrincipalName())
			.append("grantType", authorization.getAuthorizationGrantType().getValue())
			.append("scopes", List.copyOf(authorization.getAuthorizedScopes()))
			.append("attributes", this.json.writeValueAsString(authorization.getAttributes()))
			.append("state", authorization.getAttribute(OAuth2ParameterNames.STATE));
		Instant expires = null;
		expires = token(document, CODE, authorization.getToken(OAuth2AuthorizationCode.class), expires);
		OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
		expires = token(document, ACCESS, access, expires);
		if (access != null) {
			Document stored = document.get(ACCESS, Document.class);
			stored.append("scopes", List.copyOf(access.getToken().getScopes()));
		}
		expires = token(document, REFRESH, authorization.getRefreshToken(), expires);
		expires = token(document, ID_TOKEN, authorization.getToken(OidcIdToken.class), expires);
		document.append(EXPIRES_AT,
				Date.from((expires != null) ? expires : this.clock.instant().plus(this.pendingTtl)));
		collection().replaceOne(Filters.eq("_id", authorization.getId()), document, new ReplaceOptions().upsert(true));
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		collection().deleteOne(Filters.eq("_id", authorization.getId()));
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return read(collection().find(Filters.eq("_id", id)).first());
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		Bson filter;
		if (tokenType == null) {
			List<Bson> any = new ArrayList<>();
			any.add(Filters.eq("state", token));
			TOKEN_FIELDS.forEach((field) -> any.add(Filters.eq(field + ".value", token)));
			filter = Filters.or(any);
		}
		else {
			String field = switch (tokenType.getValue()) {
				case OAuth2ParameterNames.STATE -> "state";
				case OAuth2ParameterNames.CODE -> CODE + ".value";
				case OAuth2ParameterNames.ACCESS_TOKEN -> ACCESS + ".value";
				case OAuth2ParameterNames.REFRESH_TOKEN -> REFRESH + ".value";
				case OidcParameterNames.ID_TOKEN -> ID_TOKEN + ".value";
				default -> null;
			};
			if (field == null) {
				return null;
			}
			filter = Filters.eq(field, token);
		}
		return read(collection().find(filter).first());
	}

	/**
	 * Deletes every authorization whose tokens have all expired.
	 * @return how many were deleted
	 */
	long purge() {
		return purgeExpiredBefore(this.clock.instant());
	}

	long purgeExpiredBefore(Instant instant) {
		return collection().deleteMany(Filters.lt(EXPIRES_AT, Date.from(instant))).getDeletedCount();
	}

	/**
	 * Revokes everything issued to a user: codes, refresh tokens and the record of access
	 * tokens (those already out expire on their own within minutes).
	 * @param principalName the user
	 * @return how many authorizations were removed
	 */
	long removeAllOf(String principalName) {
		return collection().deleteMany(Filters.eq("principalName", principalName)).getDeletedCount();
	}

	long countFor(String registeredClientId) {
		return collection().countDocuments(Filters.eq("registeredClientId", registeredClientId));
	}

	private @Nullable Instant token(Document document, String field,
			OAuth2Authorization.@Nullable Token<? extends AbstractOAuth2Token> token, @Nullable Instant latest) {
		if (token == null) {
			return latest;
		}
		AbstractOAuth2Token value = token.getToken();
		document.append(field,
				new Document("value", value.getTokenValue()).append("issuedAt", date(value.getIssuedAt()))
					.append("expiresAt", date(value.getExpiresAt()))
					.append("metadata", this.json.writeValueAsString(token.getMetadata())));
		Instant expires = value.getExpiresAt();
		if (expires == null) {
			return latest;
		}
		return (latest == null || expires.isAfter(latest)) ? expires : latest;
	}

	private @Nullable OAuth2Authorization read(@Nullable Document document) {
		if (document == null) {
			return null;
		}
		RegisteredClient client = this.clients.findById(document.getString("registeredClientId"));
		if (client == null) {
			// The client was revoked or has expired: its grants are dead with it.
			return null;
		}
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(document.getString("_id"))
			.principalName(document.getString("principalName"))
			.authorizationGrantType(new AuthorizationGrantType(document.getString("grantType")))
			.authorizedScopes(new HashSet<>(document.getList("scopes", String.class, List.of())))
			.attributes((attributes) -> attributes.putAll(map(document.getString("attributes"))));
		Document code = document.get(CODE, Document.class);
		if (code != null) {
			builder.token(new OAuth2AuthorizationCode(code.getString("value"), instant(code, "issuedAt"),
					instant(code, "expiresAt")), metadata(code));
		}
		Document access = document.get(ACCESS, Document.class);
		if (access != null) {
			Set<String> scopes = new HashSet<>(access.getList("scopes", String.class, List.of()));
			builder.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access.getString("value"),
					instant(access, "issuedAt"), instant(access, "expiresAt"), scopes), metadata(access));
		}
		Document refresh = document.get(REFRESH, Document.class);
		if (refresh != null) {
			builder.token(new OAuth2RefreshToken(refresh.getString("value"), instant(refresh, "issuedAt"),
					instant(refresh, "expiresAt")), metadata(refresh));
		}
		Document id = document.get(ID_TOKEN, Document.class);
		if (id != null) {
			Map<String, Object> metadata = map(id.getString("metadata"));
			@SuppressWarnings("unchecked")
			Map<String, Object> claims = (Map<String, Object>) metadata
				.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
			builder.token(
					new OidcIdToken(id.getString("value"), instant(id, "issuedAt"), instant(id, "expiresAt"), claims),
					(stored) -> stored.putAll(metadata));
		}
		return builder.build();
	}

	private java.util.function.Consumer<Map<String, Object>> metadata(Document token) {
		Map<String, Object> metadata = map(token.getString("metadata"));
		return (stored) -> stored.putAll(metadata);
	}

	private Map<String, Object> map(@Nullable String text) {
		return (text != null) ? this.json.readValue(text, MAP) : Map.of();
	}

	private static @Nullable Date date(@Nullable Instant instant) {
		return (instant != null) ? Date.from(instant) : null;
	}

	private static @Nullable Instant instant(Document document, String field) {
		Date date = document.getDate(field);
		return (date != null) ? date.toInstant() : null;
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
