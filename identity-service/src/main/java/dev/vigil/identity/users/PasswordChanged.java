package dev.vigil.identity.users;

import org.jspecify.annotations.Nullable;

/**
 * A user changed their password: every other place they are signed in must end (their
 * grants and other sessions), since whoever knew the old password may be signed in there.
 *
 * @param username whose password changed
 * @param keptSessionId the browser session the change was made in, which stays signed in
 */
public record PasswordChanged(String username, @Nullable String keptSessionId) {
}
