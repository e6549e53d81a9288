package jp.cartflow.mail.taglanguage;

import java.util.Arrays;
import java.util.Optional;

/** Where a comment tag is valid: anywhere, or only inside one of the two blocks (MAIL-1). */
enum TagScope {
    GENERAL(null, "一般", "anywhere"),
    ORDER_ITEM("sectionOrderItem", "<sectionOrderItem> 内", "inside <sectionOrderItem>"),
    SHIPPING("sectionShipping", "<sectionShipping> 内", "inside <sectionShipping>");

    private final String blockName;
    private final String labelJa;
    private final String labelEn;

    TagScope(String blockName, String labelJa, String labelEn) {
        this.blockName = blockName;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** The block element name ({@code sectionOrderItem}, {@code sectionShipping}); {@code null} for GENERAL. */
    public String blockName() {
        return blockName;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    static Optional<TagScope> ofBlockName(String name) {
        return Arrays.stream(values()).filter(s -> s.blockName != null && s.blockName.equals(name)).findFirst();
    }
}
