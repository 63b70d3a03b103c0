@NullMarked
package dev.vigil.gateway.requests;

import org.jspecify.annotations.NullMarked;
