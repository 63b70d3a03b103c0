/**
 * The client of catalog-api, and the ground the UI's other API clients (identity,
 * notifications, onboarding) stand on: {@link dev.vigil.ui.catalog.TokenRelay} sends the
 * user's access token on every call and maps errors to what a page can say.
 */
@NullMarked
package dev.vigil.ui.catalog;

import org.jspecify.annotations.NullMarked;
