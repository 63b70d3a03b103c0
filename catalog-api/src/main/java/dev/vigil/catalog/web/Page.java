package dev.vigil.catalog.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a newest-first listing.
 *
 * @param <T> item type
 * @param items the items, newest first
 * @param nextCursor pass as {@code cursor} to get the next page; absent on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

}
