package dev.vigil.notify.delivery;

import java.util.Optional;

/**
 * Channels configured at runtime (through the API), looked up by name for every round so
 * a changed or disabled channel takes effect at once.
 */
public interface ChannelSource {

	/**
	 * @param name the name deliveries carry
	 * @return the channel, or empty when this source does not know the name
	 */
	Optional<Channel> channel(String name);

}
