package dev.vigil.catalog.consume;

import dev.vigil.contracts.RejectedEventException;

/**
 * An upload event that names another bucket than the catalog's. Rejected like any
 * contract breach (not retried, dead-lettered), but counted on its own.
 */
class ForeignBucketException extends RejectedEventException {

	ForeignBucketException(String message) {
		super(message);
	}

}
