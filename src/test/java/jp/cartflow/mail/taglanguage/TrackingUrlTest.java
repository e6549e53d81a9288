package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrackingUrlTest {

    @Test
    @DisplayName("MAIL-2 the tracking number is placed, URL-encoded, in the carrier's URL")
    void placesNumber() {
        assertThat(TrackingUrl.of("https://track.example.jp/?no={trackingNo}", "1234-5678 90"))
                .isEqualTo("https://track.example.jp/?no=1234-5678%2090");
        assertThat(TrackingUrl.of("https://a.example/{trackingNo}?q={trackingNo}", "A&B"))
                .isEqualTo("https://a.example/A%26B?q=A%26B");
    }

    @Test
    @DisplayName("MAIL-2 a URL without placeholder stays as is; no URL gives empty")
    void edgeCases() {
        assertThat(TrackingUrl.of("https://carrier.example/track", "123")).isEqualTo("https://carrier.example/track");
        assertThat(TrackingUrl.of(null, "123")).isEmpty();
        assertThat(TrackingUrl.of("https://t.example/?no={trackingNo}", null)).isEqualTo("https://t.example/?no=");
    }
}
