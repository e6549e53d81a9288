package jp.cartflow.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The one strict reading of request JSON on /api (StrictInputConfiguration hands it to Spring MVC only:
 * the engine, the gateways and stored JSON keep their own mappers). Each refusal is a Jackson mapping error,
 * which ApiExceptionHandler answers with 400 {@code malformed-request} naming the field.
 * <ul>
 *   <li>duplicate keys (also inside trees and maps);</li>
 *   <li>a number or boolean where a string is expected (strings for numbers are off already);</li>
 *   <li>dates only as {@code yyyy-MM-dd} between {@link #FIRST_DATE} and {@link #LAST_DATE}: no date-time,
 *       no epoch number, no {@code +10000-01-01};</li>
 *   <li>CR, LF and other control characters in any text except {@link MultiLine} ones.</li>
 * </ul>
 */
public final class StrictJson {

    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private StrictJson() {
    }

    /** A strict copy of the application's mapper (its modules, time zone and inclusion rules stay). */
    public static ObjectMapper strictCopy(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("cartflow-strict-input");
        module.addDeserializer(LocalDate.class, new BusinessDate());
        module.addDeserializer(String.class, new SingleLineText(false));
        strict.registerModule(module);
        return strict;
    }

    /** {@code yyyy-MM-dd} inside the business window, nothing else. */
    static final class BusinessDate extends StdScalarDeserializer<LocalDate> {
        BusinessDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (!ISO_DATE.matcher(text).matches()) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "a date is yyyy-MM-dd");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "no such date");
            }
            if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "outside " + FIRST_DATE + " … " + LAST_DATE);
            }
            return date;
        }
    }

    /** A JSON string only (no number, boolean, array); line breaks only where the property is {@link MultiLine}. */
    static final class SingleLineText extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean multiLine;

        SingleLineText(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean allowed = property != null && property.getAnnotation(MultiLine.class) != null;
            return allowed == multiLine ? this : new SingleLineText(allowed);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
                boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
                if (control && !(multiLine && lineBreak)) {
                    return (String) ctxt.handleWeirdStringValue(String.class, text,
                            "control character U+%04X (line breaks only in multi-line texts)", (int) c);
                }
            }
            return text;
        }
    }
}
