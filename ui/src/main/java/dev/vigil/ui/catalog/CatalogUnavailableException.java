package dev.vigil.ui.catalog;

/**
 * catalog-api could not be reached or did not answer in time.
 */
public class CatalogUnavailableException extends RuntimeException {

	public CatalogUnavailableException(String service, Throwable cause) {
		super(service + " is not reachable: " + cause.getMessage(), cause);
	}

}
