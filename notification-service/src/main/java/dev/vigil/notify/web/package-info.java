/**
 * The API's error shape: RFC 9457 problem details with a stable type per error kind.
 */
@NullMarked
package dev.vigil.notify.web;

import org.jspecify.annotations.NullMarked;
