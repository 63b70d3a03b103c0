package dev.vigil.notify.channel;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Push channels.
 *
 * @param secretKey encrypts channel secrets at rest; at least 32 characters, from the
 * environment (never a default)
 * @param maxAge alerts older than this are expired, not sent late
 * @param maxFailures consecutive failed attempts after which a channel is disabled; the
 * default, 60, is about an hour of failing at the 60 s maximum back-off, so a receiver
 * that restarts (Home Assistant, a webhook host) is retried, not switched off
 * @param connectTimeout HTTP connect timeout
 * @param requestTimeout HTTP request timeout (a receiver that hangs)
 * @param allowedHosts hosts an admin allows although they resolve to a refused address
 * (e.g. Home Assistant on the service network)
 * @param blockedNetworks CIDRs of the platform's own service network (besides loopback,
 * link-local, multicast and the unspecified address, which are always refused)
 * @param maxBodySize largest request body the receiver is sent
 * @param smtpTrustedHosts SMTP hosts whose TLS certificate is accepted without checking
 * it or its name (a LAN relay with a self-signed certificate); every other server's is
 * checked
 */
@Validated
@ConfigurationProperties("vigil.notification.channels")
public record ChannelProperties(String secretKey, @DefaultValue("15m") Duration maxAge,
		@DefaultValue("60") int maxFailures, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue List<String> allowedHosts,
		@DefaultValue List<String> blockedNetworks, @DefaultValue("65536") int maxBodySize,
		@DefaultValue List<String> smtpTrustedHosts) {

	public ChannelProperties {
		if (secretKey == null || secretKey.length() < 32) {
			throw new IllegalArgumentException(
					"vigil.notification.channels.secret-key must be set, at least 32 characters (it encrypts channel secrets)");
		}
		if (maxFailures < 1) {
			throw new IllegalArgumentException("vigil.notification.channels.max-failures must be at least 1");
		}
	}

	@Override
	public String toString() {
		return "ChannelProperties[secretKey=***, maxAge=" + this.maxAge + "]";
	}

}
