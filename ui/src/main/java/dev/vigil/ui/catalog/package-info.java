/**
 * The client of catalog-api: the user's access token on every call, errors mapped to what
 * a page can say.
 */
@NullMarked
package dev.vigil.ui.catalog;

import org.jspecify.annotations.NullMarked;
