package jp.cartflow.mail.taglanguage;

import java.util.List;

/** The parsed form of a template: text, tags and blocks. */
sealed interface Node {

    record Text(String text) implements Node {
    }

    /** A comment tag; {@code attributeId} only for attribute tags, {@code format} only with date_format. */
    record Tag(String source, MailTag tag, Integer attributeId, Strftime format) implements Node {
    }

    record Bracket(BracketTag tag) implements Node {
    }

    record Block(TagScope scope, List<Node> children) implements Node {
        public Block {
            children = List.copyOf(children);
        }
    }
}
