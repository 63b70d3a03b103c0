package dev.vigil.ingest.camera;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block such as {@code 192.168.1.0/24} or {@code fd00::/8}; a bare address is
 * a block of one.
 */
record Cidr(byte[] network, int prefix) {

	static Cidr parse(String text) {
		String[] parts = text.trim().split("/", 2);
		try {
			// Literal addresses only: a host name here would mean a DNS lookup per login.
			if (!parts[0].matches("[0-9a-fA-F:.]+")) {
				throw new IllegalArgumentException("Not an address block: " + text);
			}
			byte[] address = InetAddress.getByName(parts[0]).getAddress();
			int prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : address.length * 8;
			if (prefix < 0 || prefix > address.length * 8) {
				throw new IllegalArgumentException("Bad prefix length in " + text);
			}
			return new Cidr(address, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not an address block: " + text, ex);
		}
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int whole = this.prefix / 8;
		for (int i = 0; i < whole; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = 0xFF << (8 - rest);
		return (candidate[whole] & mask) == (this.network[whole] & mask);
	}

}
