package dev.berth.compose;

import dev.berth.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One node of a compose file with its key path: typed reads of interpolated scalars, and errors that
 * say where (file, line, column, path). Keys are never interpolated, values always are.
 */
final class Value {
    private final Source source;
    private final Node node;
    private final Node keyNode;
    private final String path;

    Value(Source source, Node node, Node keyNode, String path) {
        this.source = source;
        this.node = node;
        this.keyNode = keyNode;
        this.path = path;
    }

    String path() {
        return path;
    }

    /** @return the last element of the path: the key this value belongs to */
    String key() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    Location at() {
        return Location.of(source.file(), node, path);
    }

    Location keyAt() {
        return Location.of(source.file(), keyNode == null ? node : keyNode, path);
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** @return the interpolated text of a scalar */
    String text() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw invalid(key(), kind(), "a single value (a string, number or boolean)", "\"value\"");
        }
        return source.interpolate(s.getValue(), this);
    }

    boolean bool() {
        String t = text();
        if (!t.equals("true") && !t.equals("false")) {
            throw invalid(key(), t, "true or false", "true");
        }
        return Boolean.parseBoolean(t);
    }

    long integer() {
        String t = text();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw invalid(key(), t, "a whole number", "3");
        }
    }

    double decimal() {
        String t = text();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw invalid(key(), t, "a decimal number", "0.5");
        }
    }

    /** @return a list of strings: a sequence of scalars, or one scalar as a one-element list */
    List<String> strings() {
        if (node instanceof ScalarNode && !isNull()) {
            return List.of(text());
        }
        List<String> out = new ArrayList<>();
        for (Value v : list()) {
            out.add(v.text());
        }
        return out;
    }

    List<Value> list() {
        if (!(node instanceof SequenceNode seq)) {
            throw invalid(key(), kind(), "a list", "[\"a\", \"b\"]");
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new Value(source, seq.getValue().get(i), null, path + "[" + i + "]"));
        }
        return out;
    }

    /** @return the entries of a mapping in file order, merge keys ({@code <<}) applied; duplicates rejected */
    Map<String, Value> mapping() {
        if (!(node instanceof MappingNode map)) {
            throw invalid(key(), kind(), "a mapping of keys to values", "{key: value}");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        List<Node> merges = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                throw new Value(source, k, k, path).invalid("key", "a " + k.getNodeType().name().toLowerCase()
                        + " as key", "a plain string key", "image");
            }
            if (k.getTag().equals(Tag.MERGE) || ks.getValue().equals("<<")) {
                merges.add(t.getValueNode());
                continue;
            }
            String childPath = path.isEmpty() ? ks.getValue() : path + "." + ks.getValue();
            Value child = new Value(source, t.getValueNode(), k, childPath);
            if (out.putIfAbsent(ks.getValue(), child) != null) {
                throw new ComposeFileException(InvalidSpecException.message("key", ks.getValue(),
                        "each key once per mapping", "one \"" + ks.getValue() + ":\" entry"), child.keyAt());
            }
        }
        for (Node merge : merges) {
            List<Node> sources = merge instanceof SequenceNode s ? s.getValue() : List.of(merge);
            for (Node m : sources) {
                new Value(source, m, null, path).mapping().forEach(out::putIfAbsent);
            }
        }
        return out;
    }

    /**
     * @param allowed the keys Berth supports here ({@code x-} extension keys are always allowed)
     * @return the entries, after rejecting any other key with the exact error naming it
     */
    Map<String, Value> mapping(Set<String> allowed) {
        Map<String, Value> entries = mapping();
        for (Value v : entries.values()) {
            if (!allowed.contains(v.key()) && !v.key().startsWith("x-")) {
                throw new ComposeFileException(InvalidSpecException.message("compose key", v.key(),
                        "the keys Berth supports" + (path.isEmpty() ? "" : " under " + path) + ": "
                                + String.join(", ", new TreeSet<>(allowed)) + " (see docs/compose.md)",
                        new TreeSet<>(allowed).first()), v.keyAt());
            }
        }
        return entries;
    }

    /** Runs a Berth factory, turning its {@link InvalidSpecException} into one that says where. */
    <T> T mapped(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSpecException e) {
            throw new ComposeFileException(e.getMessage(), at());
        }
    }

    ComposeFileException invalid(String field, Object value, String allowed, String example) {
        return new ComposeFileException(InvalidSpecException.message(field, value, allowed, example), at());
    }

    private String kind() {
        if (isNull()) {
            return "an empty value";
        }
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a value";
    }
}
