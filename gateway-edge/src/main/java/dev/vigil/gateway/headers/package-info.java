@NullMarked
package dev.vigil.gateway.headers;

import org.jspecify.annotations.NullMarked;
