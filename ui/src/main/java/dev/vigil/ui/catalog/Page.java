package dev.vigil.ui.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a newest-first listing, as catalog-api sends it.
 *
 * @param <T> item type
 * @param items the items
 * @param nextCursor cursor of the next page; absent on the last one
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	public Page {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	public static <T> Page<T> empty() {
		return new Page<>(List.of(), null);
	}

}
