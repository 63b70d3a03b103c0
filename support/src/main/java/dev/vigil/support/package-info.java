/**
 * The ground floor of the services: plumbing that is one concept everywhere, written
 * once. No wire types (those are in {@code contracts}), no features, no beans of its own:
 * each service wires what it uses.
 */
@NullMarked
package dev.vigil.support;

import org.jspecify.annotations.NullMarked;
