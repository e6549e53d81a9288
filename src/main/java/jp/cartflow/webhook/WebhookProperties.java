package jp.cartflow.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code cartflow.webhooks.*}: retry schedule (first retry after {@code initialRetry}, doubling up to
 * {@code maxRetryInterval}, giving up {@code giveUpAfter} after the event), batch size and HTTP timeouts, and
 * whether plain-http URLs may be registered (development only).
 */
@ConfigurationProperties("cartflow.webhooks")
record WebhookProperties(@DefaultValue("PT30S") Duration initialRetry,
                         @DefaultValue("PT4H") Duration maxRetryInterval,
                         @DefaultValue("PT24H") Duration giveUpAfter,
                         @DefaultValue("200") int batchSize,
                         @DefaultValue("32") int senderThreads,
                         @DefaultValue("PT5S") Duration connectTimeout,
                         @DefaultValue("PT10S") Duration requestTimeout,
                         @DefaultValue("false") boolean allowPlainHttp) {
}
