@NullMarked
package dev.vigil.identity.login;

import org.jspecify.annotations.NullMarked;
