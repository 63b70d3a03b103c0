package dev.vigil.catalog.live;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live updates.
 *
 * @param channel Redis pub/sub channel shared by all instances
 * @param streamTimeout how long one SSE connection lives before the client reconnects
 * @param heartbeat interval of keep-alive comments (proxies drop idle connections)
 * @param maxClients SSE connections one instance accepts
 * @param maxClientsPerCaller SSE connections one instance accepts per token subject (a
 * user's tabs, an integrator's clients), so one caller cannot take every slot
 */
@Validated
@ConfigurationProperties("vigil.catalog.live")
public record LiveProperties(@DefaultValue("vigil:catalog:media") String channel,
		@DefaultValue("30m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("500") @Min(1) int maxClients, @DefaultValue("10") @Min(1) int maxClientsPerCaller) {

}
