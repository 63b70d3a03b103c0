package dev.vigil.identity.proxy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may tell this service the client's address and the public URL.
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies (gateway-edge)
 * whose forwarded headers are honoured; loopback by default, where {@code ./vigil up}
 * runs the gateway. Empty: forwarded headers are never honoured.
 */
@Validated
@ConfigurationProperties("vigil.identity")
record ProxyProperties(@DefaultValue( {
		"127.0.0.0/8", "::1" }) List<String> trustedProxies){
}
