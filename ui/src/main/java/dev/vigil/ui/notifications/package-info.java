/**
 * The admin's notification pages: push channels (webhook, ntfy) with "send test", alert
 * rules, and the delivery log, all from notification-service's
 * {@code /api/v1/notifications} with the signed-in admin's token.
 */
@NullMarked
package dev.vigil.ui.notifications;

import org.jspecify.annotations.NullMarked;
