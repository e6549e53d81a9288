package jp.cartflow.mail;

import jp.cartflow.shop.Shop;

/**
 * Who a mail is from: the visible sender (address, optional display name) and the SMTP envelope sender
 * ({@code MAIL FROM}), where bounces go (BNC-1). The caller decides; the outbox reads no shop settings.
 */
public record Sender(String address, String name, String envelopeFrom) {

    public Sender {
        if (address == null || address.isBlank() || envelopeFrom == null || envelopeFrom.isBlank()) {
            throw new IllegalArgumentException("a sender needs an address and an envelope sender");
        }
    }

    /** The shop as sender: its address and name, bounces to its bounce mailbox (else its address). */
    public static Sender shop(Shop shop) {
        return new Sender(shop.email(), shop.name(),
                shop.bounceAddress() == null || shop.bounceAddress().isBlank() ? shop.email() : shop.bounceAddress());
    }
}
