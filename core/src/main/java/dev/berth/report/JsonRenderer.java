package dev.berth.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a {@link FailureReport} as JSON for machines: every record component becomes a field of
 * the same name, in declaration order; times are RFC 3339 strings, durations are milliseconds in a
 * field suffixed {@code Millis} (e.g. {@code collectionTimeMillis}), absent values (null or an empty
 * {@code Optional}) are {@code null}. Indented with two spaces, ending with a newline.
 */
final class JsonRenderer {

    /**
     * @param r the report
     * @return the JSON text
     */
    public String render(FailureReport r) {
        StringBuilder b = new StringBuilder();
        value(b, r, 0);
        return b.append('\n').toString();
    }

    private static void value(StringBuilder b, Object v, int depth) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof java.util.Optional<?> o) {
            value(b, o.orElse(null), depth);
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Double d) {
            b.append(d.isNaN() || d.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.2f", d));
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Instant i) {
            string(b, i.toString());
        } else if (v instanceof Duration d) {
            b.append(d.toMillis());
        } else if (v instanceof Map<?, ?> m) {
            object(b, m.entrySet().iterator(), m.isEmpty(), depth);
        } else if (v instanceof Collection<?> c) {
            array(b, c, depth);
        } else if (v instanceof Record rec) {
            java.util.LinkedHashMap<String, Object> fields = new java.util.LinkedHashMap<>();
            for (RecordComponent rc : rec.getClass().getRecordComponents()) {
                Object value = read(rc, rec);
                fields.put(value instanceof Duration ? rc.getName() + "Millis" : rc.getName(), value);
            }
            object(b, fields.entrySet().iterator(), fields.isEmpty(), depth);
        } else {
            string(b, v.toString());
        }
    }

    private static Object read(RecordComponent rc, Record rec) {
        try {
            return rc.getAccessor().invoke(rec);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.getName() + " of " + rec.getClass().getSimpleName(), e);
        }
    }

    private static void object(StringBuilder b, Iterator<? extends Map.Entry<?, ?>> it, boolean empty, int depth) {
        if (empty) {
            b.append("{}");
            return;
        }
        b.append("{\n");
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            indent(b, depth + 1);
            string(b, String.valueOf(e.getKey()));
            b.append(": ");
            value(b, e.getValue(), depth + 1);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append('}');
    }

    private static void array(StringBuilder b, Collection<?> c, int depth) {
        if (c.isEmpty()) {
            b.append("[]");
            return;
        }
        b.append("[\n");
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            indent(b, depth + 1);
            value(b, it.next(), depth + 1);
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(b, depth);
        b.append(']');
    }

    private static void indent(StringBuilder b, int depth) {
        b.append("  ".repeat(depth));
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}
