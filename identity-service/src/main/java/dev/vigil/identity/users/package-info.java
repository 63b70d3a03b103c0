@NullMarked
package dev.vigil.identity.users;

import org.jspecify.annotations.NullMarked;
