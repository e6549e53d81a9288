package jp.cartflow.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signature header {@code Cartflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, computed with the
 * endpoint's secret over {@code "<t>.<body>"}: the receiver recomputes it and rejects old timestamps (replays).
 */
final class WebhookSignature {

    static final String HEADER = "Cartflow-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    static String header(String secret, long timestampSeconds, String body) {
        return "t=" + timestampSeconds + ",v1=" + hmac(secret, timestampSeconds + "." + body);
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A new secret: 32 random bytes, URL-safe Base64, prefixed so it is recognisable in a config file. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
