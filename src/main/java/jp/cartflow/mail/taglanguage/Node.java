package jp.cartflow.mail.taglanguage;

import java.util.List;

/** The parsed form of a template: text, tags, repeating blocks and conditional blocks. */
sealed interface Node {

    record Text(String text) implements Node {
    }

    /** A comment tag; {@code attributeId} only for attribute tags, {@code format} only with date_format. */
    record Tag(String source, MailTag tag, Integer attributeId, Strftime format) implements Node {
    }

    record Bracket(BracketTag tag) implements Node {
    }

    /** A repeating block: once per order line, shipment or parcel. */
    record Block(TagScope scope, List<Node> children) implements Node {
        public Block {
            children = List.copyOf(children);
        }
    }

    /**
     * {@code <sectionIf name="…">} (or {@code <sectionIfNot …>} with {@code negated}): the children render when
     * the named value is present — not missing, not blank, not zero — (or, negated, when it is not).
     */
    record Conditional(MailTag tag, Integer attributeId, boolean negated, List<Node> children) implements Node {
        public Conditional {
            children = List.copyOf(children);
        }
    }
}
