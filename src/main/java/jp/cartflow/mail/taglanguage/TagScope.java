package jp.cartflow.mail.taglanguage;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a comment tag is valid: anywhere, or only inside one of the repeating blocks (MAIL-1, MAIL-2).
 * {@code <sectionParcel>} repeats inside {@code <sectionShipping>}, once per parcel (tracking number) of that
 * shipment; its tags fall back to the shipment's and then to the general ones.
 */
enum TagScope {
    GENERAL(null, null, "一般", "anywhere"),
    ORDER_ITEM("sectionOrderItem", GENERAL, "<sectionOrderItem> 内", "inside <sectionOrderItem>"),
    SHIPPING("sectionShipping", GENERAL, "<sectionShipping> 内", "inside <sectionShipping>"),
    PARCEL("sectionParcel", SHIPPING, "<sectionParcel> 内", "inside <sectionParcel>");

    private final String blockName;
    private final TagScope parent;
    private final String labelJa;
    private final String labelEn;

    TagScope(String blockName, TagScope parent, String labelJa, String labelEn) {
        this.blockName = blockName;
        this.parent = parent;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** The block element name ({@code sectionOrderItem}, …); {@code null} for GENERAL. */
    public String blockName() {
        return blockName;
    }

    /** The scope this block must be written in (GENERAL for the top-level blocks); {@code null} for GENERAL. */
    TagScope parent() {
        return parent;
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
