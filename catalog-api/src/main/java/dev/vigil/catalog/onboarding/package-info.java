/**
 * Adding and removing cameras: a managed camera with a generated password (shown once),
 * the settings card a user types into the camera, password reset and delete (media kept
 * unless asked otherwise). Depends on {@code camera}, {@code edge} and {@code media};
 * none of them depends on it.
 */
@NullMarked
package dev.vigil.catalog.onboarding;

import org.jspecify.annotations.NullMarked;
