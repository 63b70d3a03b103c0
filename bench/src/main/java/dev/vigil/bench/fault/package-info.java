/**
 * The fault suite ({@code ./vigil bench quick|full faults}): cameras upload while a
 * component of the platform fails, the platform heals and drains, and every file a camera
 * was told was stored must be in the object store and the catalog exactly once.
 */
@NullMarked
package dev.vigil.bench.fault;

import org.jspecify.annotations.NullMarked;
