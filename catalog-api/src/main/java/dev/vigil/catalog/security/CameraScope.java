package dev.vigil.catalog.security;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;

import dev.vigil.catalog.web.ApiException;

/**
 * The cameras one caller may see, from the token's cameras claim. Every query adds
 * {@link #restrict(String)} so counts and lists never include other cameras.
 *
 * @param all whether every camera is allowed
 * @param cameras the allowed cameras when not {@code all}
 */
public record CameraScope(boolean all, Set<String> cameras) {

	public static final CameraScope ALL = new CameraScope(true, Set.of());

	public static CameraScope of(Collection<String> cameras) {
		return cameras.contains("*") ? ALL : new CameraScope(false, Set.copyOf(cameras));
	}

	public boolean permits(String cameraId) {
		return this.all || this.cameras.contains(cameraId);
	}

	/**
	 * Refuses a camera outside the scope.
	 * @param cameraId the camera asked for
	 * @throws ApiException 403 when not allowed
	 */
	public void check(String cameraId) {
		if (!permits(cameraId)) {
			throw ApiException.cameraForbidden(cameraId);
		}
	}

	/**
	 * Criteria limiting a query to the allowed cameras and, optionally, one of them.
	 * @param field the camera id field
	 * @param requested the camera the caller filtered on, if any (already checked)
	 * @return the criteria, or null when nothing needs restricting
	 */
	public @Nullable Criteria restrict(String field, @Nullable String requested) {
		if (requested != null) {
			check(requested);
			return Criteria.where(field).is(requested);
		}
		return this.all ? null : Criteria.where(field).in(this.cameras);
	}

}
