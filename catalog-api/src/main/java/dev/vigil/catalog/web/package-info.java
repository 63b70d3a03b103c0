/**
 * The HTTP surface shared by every feature: error responses, cursors, identifier rules,
 * OpenAPI.
 */
@NullMarked
package dev.vigil.catalog.web;

import org.jspecify.annotations.NullMarked;
