@NullMarked
package dev.vigil.identity.audit;

import org.jspecify.annotations.NullMarked;
