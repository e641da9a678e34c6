package dev.berth.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link FailureReport} as JSON for machines: every record component becomes a field of
 * the same name, in declaration order; times are RFC 3339 strings, durations are milliseconds in a
 * field suffixed {@code Millis} (e.g. {@code collectionTimeMillis}), absent values (null or an empty
 * {@code Optional}) are {@code null}; decimals carry two places. Indented with two spaces, ending with a
 * newline. Jackson writes and escapes the text; this class only decides the shape.
 */
final class JsonRenderer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .with(new LineSeparatorEscapes());

    /**
     * @param r the report
     * @return the JSON text
     */
    public String render(FailureReport r) {
        try {
            return WRITER.writeValueAsString(node(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the failure report as JSON", e);
        }
    }

    /** @return the JSON tree of a report value: records, maps, collections, optionals and scalars */
    static JsonNode node(Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof Optional<?> o) {
            return node(o.orElse(null));
        } else if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? NODES.nullNode()
                    : NODES.numberNode(BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP));
        } else if (v instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof Number n) {
            return NODES.numberNode(new BigDecimal(n.toString()));
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Instant i) {
            return NODES.textNode(i.toString());
        } else if (v instanceof Duration d) {
            return NODES.numberNode(d.toMillis());
        } else if (v instanceof Map<?, ?> m) {
            ObjectNode out = NODES.objectNode();
            m.forEach((k, value) -> out.set(String.valueOf(k), node(value)));
            return out;
        } else if (v instanceof Collection<?> c) {
            ArrayNode out = NODES.arrayNode();
            c.forEach(item -> out.add(node(item)));
            return out;
        } else if (v instanceof Record rec) {
            ObjectNode out = NODES.objectNode();
            for (RecordComponent rc : rec.getClass().getRecordComponents()) {
                Object value = read(rc, rec);
                out.set(value instanceof Duration ? rc.getName() + "Millis" : rc.getName(), node(value));
            }
            return out;
        }
        return NODES.textNode(v.toString());
    }

    private static Object read(RecordComponent rc, Record rec) {
        try {
            return rc.getAccessor().invoke(rec);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.getName() + " of " + rec.getClass().getSimpleName(), e);
        }
    }

    /**
     * JSON's standard escapes plus U+2028 and U+2029: valid in JSON, but line breaks to a JavaScript
     * reader that evaluates the report.
     */
    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
