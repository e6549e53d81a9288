package jp.cartflow.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The inventory tools cartflow works with, their path segment and the intake addresses they hand out (MAIL-4). */
enum ToolKind {
    /** TEMPOSTAR gives every linked shop its own intake address at {@code system.tempostar.net}. */
    TEMPOSTAR("tempostar", "@system.tempostar.net"),
    /** zaikoRobot hands out a dedicated address per contract; its domain is not fixed. */
    ZAIKO_ROBOT("zaikorobot", null),
    OTHER("other", null);

    private final String slug;
    private final String requiredDomain;

    ToolKind(String slug, String requiredDomain) {
        this.slug = slug;
        this.requiredDomain = requiredDomain;
    }

    String slug() {
        return slug;
    }

    static Optional<ToolKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** Why the address cannot be this tool's intake address, or empty when it can. */
    Optional<String> addressProblem(String address) {
        if (address == null || !address.matches("[^@\\s,<>]+@[^@\\s,<>]+\\.[^@\\s,<>]+") || address.length() > 255) {
            return Optional.of("is not a mail address");
        }
        if (requiredDomain != null && !address.toLowerCase(Locale.ROOT).endsWith(requiredDomain)) {
            return Optional.of("must be the shop's own " + name() + " address (…" + requiredDomain + ")");
        }
        return Optional.empty();
    }
}
