/**
 * The append-only audit log of administrative and retention actions.
 */
@NullMarked
package dev.vigil.catalog.audit;

import org.jspecify.annotations.NullMarked;
