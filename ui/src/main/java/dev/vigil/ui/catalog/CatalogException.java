package dev.vigil.ui.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * catalog-api answered with an error. Carries what its RFC 9457 problem said, so a page
 * can tell the user something specific instead of a status code.
 */
public class CatalogException extends RuntimeException {

	private final int status;

	private final @Nullable String title;

	private final @Nullable String type;

	private final List<FieldError> errors;

	public CatalogException(int status, @Nullable String title, @Nullable String detail, @Nullable String type) {
		this(status, title, detail, type, List.of());
	}

	public CatalogException(int status, @Nullable String title, @Nullable String detail, @Nullable String type,
			List<FieldError> errors) {
		super((detail != null) ? detail : "catalog-api answered " + status);
		this.status = status;
		this.title = title;
		this.type = type;
		this.errors = List.copyOf(errors);
	}

	/**
	 * The problem's {@code errors}: one entry per invalid field, where the API sends
	 * them.
	 */
	public List<FieldError> errors() {
		return this.errors;
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

	/**
	 * One invalid field of a request.
	 *
	 * @param field the field, as the API names it ({@code url}, {@code labels[0]})
	 * @param problem what is wrong with it
	 */
	public record FieldError(String field, String problem) {

	}

}
