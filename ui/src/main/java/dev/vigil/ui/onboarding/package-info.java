/**
 * Adding a camera from the web page: the form (name, edge node, protocol), the settings
 * card with the password shown once and per-vendor hints, the "waiting for the first
 * upload" indicator, reset password, disable, delete, and the edge nodes list. All under
 * {@code /admin}, so the admin role is required; catalog-api checks the token's admin
 * scope again and audits every change.
 */
@NullMarked
package dev.vigil.ui.onboarding;

import org.jspecify.annotations.NullMarked;
