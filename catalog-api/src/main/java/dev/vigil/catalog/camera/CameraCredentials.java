package dev.vigil.catalog.camera;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A managed camera's login, kept apart from {@link CameraDocument} so the hash can never
 * end up in an API response.
 *
 * @param id camera id
 * @param user FTP/SFTP login name
 * @param passwordHash {@code pbkdf2-sha256$...}; the password itself is never stored
 * @param changedAt when the password was set
 */
@Document("camera_credentials")
record CameraCredentials(@Id String id, String user, String passwordHash, Instant changedAt) {

}
