package dev.vigil.ui.catalog;

import org.jspecify.annotations.Nullable;

/**
 * catalog-api answered with an error. Carries what its RFC 9457 problem said, so a page
 * can tell the user something specific instead of a status code.
 */
public class CatalogException extends RuntimeException {

	private final int status;

	private final @Nullable String title;

	private final @Nullable String type;

	public CatalogException(int status, @Nullable String title, @Nullable String detail, @Nullable String type) {
		super((detail != null) ? detail : "catalog-api answered " + status);
		this.status = status;
		this.title = title;
		this.type = type;
	}

	public int status() {
		return this.status;
	}

	public @Nullable String title() {
		return this.title;
	}

	public @Nullable String type() {
		return this.type;
	}

}
