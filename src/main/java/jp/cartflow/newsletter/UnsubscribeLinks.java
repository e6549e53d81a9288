package jp.cartflow.newsletter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, expiring one-click unsubscribe links (RFC 8058): {@code payload.signature}, where the payload names
 * shop, member, campaign and expiry, and the signature is HMAC-SHA256 over it. No login: whoever holds the
 * link may withdraw that one member's consent, nothing else.
 */
@Component
class UnsubscribeLinks {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final NewsletterProperties properties;
    private final Clock clock;
    private final byte[] key;

    UnsubscribeLinks(NewsletterProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        String secret = properties.unsubscribeSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
            log.warn("cartflow.newsletter.unsubscribe-secret is not set: unsubscribe links stop working on restart");
        } else if (secret.length() < 32) {
            throw new IllegalArgumentException("cartflow.newsletter.unsubscribe-secret needs at least 32 characters");
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    record Target(long shopId, long memberId, long campaignId) {
    }

    String token(long shopId, long memberId, long campaignId) {
        long expires = clock.instant().plus(properties.unsubscribeValidity()).getEpochSecond();
        String payload = B64.encodeToString((shopId + "." + memberId + "." + campaignId + "." + expires)
                .getBytes(StandardCharsets.US_ASCII));
        return payload + "." + sign(payload);
    }

    String url(String token) {
        String base = properties.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/newsletter/unsubscribe?t=" + token;
    }

    /** The member the token names, if the signature is ours and it has not expired. */
    Optional<Target> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 4 || Instant.ofEpochSecond(Long.parseLong(parts[3])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Target(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
