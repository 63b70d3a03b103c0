@NullMarked
package dev.vigil.identity.server;

import org.jspecify.annotations.NullMarked;
