package jp.cartflow.mail.taglanguage;

/** Shop values for mail tags. Any component may be {@code null} (renders as empty). */
public record ShopView(String name, String url, String email) {
    public static ShopView empty() {
        return new ShopView(null, null, null);
    }
}
