/** Admin pages (role admin): cameras, users, API clients, legal holds, audit log. */
@NullMarked
package dev.vigil.ui.admin;

import org.jspecify.annotations.NullMarked;
