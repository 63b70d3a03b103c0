package dev.vigil.processing.storage;

/**
 * An original copied to a local file.
 *
 * @param size bytes read
 * @param sha256 hex SHA-256 of what was read
 */
public record Downloaded(long size, String sha256) {

}
