/**
 * The service's OpenAPI document, public like the catalog's.
 */
@NullMarked
package dev.vigil.notify.openapi;

import org.jspecify.annotations.NullMarked;
