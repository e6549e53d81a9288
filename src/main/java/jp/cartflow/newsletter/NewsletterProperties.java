package jp.cartflow.newsletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Newsletter sending, {@code cartflow.newsletter.*}.
 *
 * @param publicBaseUrl       where recipients reach the unsubscribe page, e.g. https://shop.example.jp
 * @param unsubscribeSecret   HMAC key of the one-click unsubscribe links (at least 32 characters; blank = a
 *                            random key per start, so links die on restart — set it in production)
 * @param unsubscribeValidity how long an unsubscribe link works (default 90 days)
 * @param batchSize           most mails per batch (one engine job, one SMTP connection)
 * @param rateWindow          the window of the per-domain rates
 * @param domainRates         most mails per window per destination domain (a domain and its subdomains),
 *                            e.g. docomo.ne.jp: 200; a domain not listed is not throttled
 */
@ConfigurationProperties(prefix = "cartflow.newsletter")
record NewsletterProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
                            String unsubscribeSecret,
                            @DefaultValue("P90D") Duration unsubscribeValidity,
                            @DefaultValue("500") int batchSize,
                            @DefaultValue("PT1M") Duration rateWindow,
                            Map<String, Integer> domainRates) {

    NewsletterProperties {
        domainRates = domainRates == null ? Map.of() : Map.copyOf(domainRates);
        if (batchSize < 1) {
            throw new IllegalArgumentException("cartflow.newsletter.batch-size must be positive");
        }
        if (rateWindow.isNegative() || rateWindow.isZero()) {
            throw new IllegalArgumentException("cartflow.newsletter.rate-window must be positive");
        }
        domainRates.forEach((domain, rate) -> {
            if (rate == null || rate < 1) {
                throw new IllegalArgumentException("cartflow.newsletter.domain-rates." + domain + " must be positive");
            }
        });
    }

    /** The rate of the most specific configured domain that {@code domain} is or is under; null = none. */
    Integer rateFor(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            Integer rate = domainRates.get(d);
            if (rate != null) {
                return rate;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return null;
            }
            d = d.substring(dot + 1);
        }
    }
}
