/**
 * MongoDB setup that must hold on real MongoDB and on the MongoDB wire server: indexes
 * and health.
 */
@NullMarked
package dev.vigil.catalog.mongo;

import org.jspecify.annotations.NullMarked;
