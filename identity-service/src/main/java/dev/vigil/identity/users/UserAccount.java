package dev.vigil.identity.users;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in, stored in the {@code users} collection. The lower-cased username
 * is the document id, which makes it unique without relying on secondary indexes.
 *
 * @param username login name (lower case)
 * @param passwordHash {@code {id}hash} from the delegating password encoder
 * @param roles {@code admin} and/or {@code viewer}
 * @param cameras camera ids this user may see; {@code null} means every camera
 * @param mustChangePassword set for generated passwords: the next sign-in must change it
 * @param enabled disabled users cannot sign in
 * @param createdAt creation time
 * @param passwordChangedAt last password change
 */
@Document(UserAccount.COLLECTION)
public record UserAccount(@Id String username, String passwordHash, Set<String> roles, @Nullable List<String> cameras,
		boolean mustChangePassword, boolean enabled, Instant createdAt, @Nullable Instant passwordChangedAt) {

	static final String COLLECTION = "users";

	UserAccount withPassword(String hash, boolean mustChange, Instant now) {
		return new UserAccount(this.username, hash, this.roles, this.cameras, mustChange, this.enabled, this.createdAt,
				now);
	}

}
