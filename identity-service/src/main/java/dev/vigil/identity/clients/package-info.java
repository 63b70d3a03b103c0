@NullMarked
package dev.vigil.identity.clients;

import org.jspecify.annotations.NullMarked;
