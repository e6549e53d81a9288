package jp.cartflow.mail.taglanguage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

/**
 * A validated template, ready to render any number of times (immutable, thread-safe).
 * Obtain it from {@link TemplateParser}; render it with {@link #render(MailContext)}.
 */
final class ParsedTemplate {

    private final String source;
    private final Dialect dialect;
    private final TemplatePart part;
    private final List<Node> nodes;

    ParsedTemplate(String source, Dialect dialect, TemplatePart part, List<Node> nodes) {
        this.source = source;
        this.dialect = dialect;
        this.part = part;
        this.nodes = List.copyOf(nodes);
    }

    public String source() {
        return source;
    }

    public Dialect dialect() {
        return dialect;
    }

    public TemplatePart part() {
        return part;
    }

    /**
     * Renders the template. {@code <sectionOrderItem>} repeats per {@link MailContext#lines()},
     * {@code <sectionShipping>} per {@link MailContext#shipments()}, {@code <sectionParcel>} per
     * {@link ShipmentView#parcels()} of the current shipment; {@code <sectionIf>} / {@code <sectionIfNot>} render
     * their content when the named value is present / absent; a missing value renders as "".
     * In a subject, line breaks coming from values become spaces (no header injection).
     *
     * @throws TemplateRenderException when {@code date_format} meets a value that is not a date
     */
    public String render(MailContext context) {
        StringBuilder out = new StringBuilder();
        renderNodes(nodes, new Row(context, null, null, null), out);
        return out.toString();
    }

    private void renderNodes(List<Node> list, Row row, StringBuilder out) {
        for (Node node : list) {
            if (node instanceof Node.Text t) {
                out.append(t.text());
            } else if (node instanceof Node.Tag t) {
                out.append(clean(value(t, row)));
            } else if (node instanceof Node.Bracket b) {
                out.append(clean(b.tag().render(row.ctx().member())));
            } else if (node instanceof Node.Conditional c) {
                if (present(c, row) != c.negated()) {
                    renderNodes(c.children(), row, out);
                }
            } else if (node instanceof Node.Block b) {
                switch (b.scope()) {
                    case ORDER_ITEM -> {
                        for (OrderLineView line : row.ctx().lines()) {
                            renderNodes(b.children(), new Row(row.ctx(), line, null, null), out);
                        }
                    }
                    case SHIPPING -> {
                        for (ShipmentView shipment : row.ctx().shipments()) {
                            renderNodes(b.children(), new Row(row.ctx(), null, shipment, null), out);
                        }
                    }
                    case PARCEL -> {
                        for (ParcelView parcel : row.shipment().parcels()) {
                            renderNodes(b.children(), new Row(row.ctx(), null, row.shipment(), parcel), out);
                        }
                    }
                    case GENERAL -> throw new IllegalStateException("GENERAL is no block");
                }
            }
        }
    }

    /** A value is present when it is there and not blank text or the number zero. */
    private static boolean present(Node.Conditional c, Row row) {
        Object value;
        if (c.tag().type() == ValueType.ATTRIBUTE) {
            value = (c.tag().scope() == TagScope.SHIPPING ? row.shipment().attributes() : row.ctx().orderAttributes())
                    .get(c.attributeId());
        } else {
            value = c.tag().valueFrom(row);
        }
        if (value == null) {
            return false;
        }
        if (value instanceof CharSequence text) {
            return !text.toString().isBlank();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.signum() != 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        return true;
    }

    private String clean(String value) {
        return part == TemplatePart.SUBJECT ? value.replaceAll("[\\r\\n]+", " ") : value;
    }

    private static String value(Node.Tag t, Row row) {
        MailTag tag = t.tag();
        if (tag.type() == ValueType.ATTRIBUTE) {
            Map<Integer, String> attributes = tag.scope() == TagScope.SHIPPING
                    ? row.shipment().attributes()
                    : row.ctx().orderAttributes();
            String value = attributes.get(t.attributeId());
            if (value == null || value.isBlank() || t.format() == null) {
                return value == null ? "" : value;
            }
            return formatDate(t, parseIsoDate(t, value.strip()));
        }
        Object value = tag.valueFrom(row);
        if (value == null) {
            return "";
        }
        if (t.format() != null) {
            return formatDate(t, value);
        }
        return tag.type().format(value);
    }

    private static String formatDate(Node.Tag t, Object value) {
        try {
            if (value instanceof Temporal temporal) {
                return t.format().format(temporal);
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // fall through to the render error below
        }
        throw new TemplateRenderException(t.source() + ": date_format needs a date value but got "
                + value.getClass().getSimpleName() + " '" + value + "'");
    }

    private static Temporal parseIsoDate(Node.Tag t, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notDate) {
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return OffsetDateTime.parse(value);
                } catch (DateTimeParseException notOffset) {
                    throw new TemplateRenderException(t.source() + ": date_format needs a date value (yyyy-MM-dd) but got '"
                            + value + "'");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ParsedTemplate[" + dialect + ", " + part + ", " + source.length() + " chars]";
    }
}
