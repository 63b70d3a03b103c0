package dev.vigil.gateway.requests;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and trust for incoming requests. Header size is Boot's
 * {@code server.max-http-request-header-size}.
 *
 * @param maxBodySize largest request body accepted (uploads go over FTP, not through
 * here); larger ones get {@code 413}
 * @param trustForwardedHeaders keep {@code Forwarded}/{@code X-Forwarded-*} sent by the
 * caller: only when the gateway runs behind a trusted load balancer or ingress
 * @param maxUriLength longest path plus query accepted; longer ones get a {@code 414}
 * problem (Netty's own limit, {@code server.netty.max-initial-line-length}, is set above
 * it so that the gateway answers, not Netty's empty 414)
 */
@Validated
@ConfigurationProperties("vigil.gateway.requests")
public record RequestProperties(@DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("false") boolean trustForwardedHeaders, @DefaultValue("8192") @Min(256) int maxUriLength) {
}
