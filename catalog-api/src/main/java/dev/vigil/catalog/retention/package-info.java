/**
 * Retention by age and size per camera and kind, legal holds, and the scheduled job that
 * applies them.
 */
@NullMarked
package dev.vigil.catalog.retention;

import org.jspecify.annotations.NullMarked;
