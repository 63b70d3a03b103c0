/**
 * {@code ./vigil bench catalog}: catalog-api query load at 100 k and 1 M media documents
 * seeded straight into MongoDB in catalog-api's schema.
 */
@NullMarked
package dev.vigil.bench.catalog;

import org.jspecify.annotations.NullMarked;
