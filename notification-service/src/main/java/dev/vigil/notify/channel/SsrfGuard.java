package dev.vigil.notify.channel;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Refuses channel URLs that would make this service a proxy into the platform: only
 * {@code http} and {@code https}, and no host resolving to a loopback, link-local
 * (including cloud metadata at 169.254.169.254), unspecified or multicast address, or
 * into {@code vigil.notification.channels.blocked-networks} (the service network), unless
 * the host is listed in {@code allowed-hosts}. Checked when a channel is saved and again
 * before every request (DNS may have changed); SMTP hosts get the same host check.
 */
@Component
class SsrfGuard {

	private final ChannelProperties properties;

	private final List<Cidr> blocked;

	SsrfGuard(ChannelProperties properties) {
		this.properties = properties;
		this.blocked = properties.blockedNetworks().stream().map(Cidr::parse).toList();
	}

	/**
	 * @param url the URL
	 * @return why it is refused, or null when it may be used
	 */
	@Nullable String refusal(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return "is not a URL";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "must be http or https";
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "has no host";
		}
		if (uri.getUserInfo() != null) {
			return "must not carry credentials (use the channel's secret)";
		}
		return hostRefusal(uri.getHost());
	}

	/**
	 * The same check for a bare host name, such as an SMTP server.
	 * @param name the host name or literal address
	 * @return why it is refused, or null when it may be used
	 */
	@Nullable String hostRefusal(String name) {
		String host = name.toLowerCase(Locale.ROOT);
		if (this.properties.allowedHosts().stream().anyMatch((allowed) -> allowed.equalsIgnoreCase(host))) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return "host " + host + " does not resolve";
		}
		for (InetAddress address : addresses) {
			String why = refused(address);
			if (why != null) {
				return "host " + host + " resolves to " + address.getHostAddress() + " (" + why
						+ "); an admin may allow it in vigil.notification.channels.allowed-hosts";
			}
		}
		return null;
	}

	private @Nullable String refused(InetAddress address) {
		InetAddress plain = unmapped(address);
		if (plain.isLoopbackAddress()) {
			return "loopback";
		}
		if (plain.isLinkLocalAddress()) {
			return "link-local";
		}
		if (plain.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (plain.isMulticastAddress()) {
			return "multicast";
		}
		if (plain instanceof Inet6Address && (plain.getAddress()[0] & 0xfe) == 0xfc) {
			return "unique local (service network)";
		}
		for (Cidr cidr : this.blocked) {
			if (cidr.contains(plain)) {
				return "the service network " + cidr;
			}
		}
		return null;
	}

	/** {@code ::ffff:127.0.0.1} is 127.0.0.1. */
	private static InetAddress unmapped(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 16) {
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
			if (mapped) {
				try {
					return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16));
				}
				catch (UnknownHostException ex) {
					return address;
				}
			}
		}
		return address;
	}

	/** An address block such as {@code 10.96.0.0/12}. */
	record Cidr(byte[] network, int prefix, String text) {

		static Cidr parse(String text) {
			String[] parts = text.trim().split("/");
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				int prefix = (parts.length > 1) ? Integer.parseInt(parts[1]) : network.length * 8;
				if (prefix < 0 || prefix > network.length * 8) {
					throw new IllegalArgumentException("Bad prefix in " + text);
				}
				return new Cidr(network, prefix, text.trim());
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException(
						"vigil.notification.channels.blocked-networks: '" + text + "' is not a CIDR", ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int bits = this.prefix;
			for (int i = 0; i < bytes.length && bits > 0; i++, bits -= 8) {
				int mask = (bits >= 8) ? 0xff : (0xff << (8 - bits)) & 0xff;
				if ((bytes[i] & mask) != (this.network[i] & mask)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
