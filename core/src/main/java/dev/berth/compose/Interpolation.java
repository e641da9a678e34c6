package dev.berth.compose;

import java.util.Map;

/**
 * Compose's variable interpolation in values: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}
 * (default when unset or empty), {@code ${VAR-default}} (when unset), {@code ${VAR:?error}} and
 * {@code ${VAR?error}} (an error when unset or empty / unset), and {@code $$} for a literal {@code $}.
 * Stricter than compose: a variable with no value and no default is an error, not an empty string.
 */
final class Interpolation {
    static final String FORMS = "$VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error},"
            + " or $$ for a literal $";
    private final Map<String, String> variables;

    /** @param variables the values: the environment over the project's {@code .env} file */
    Interpolation(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    String apply(String text, Value at) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw badFormat(text.substring(i), at);
                }
                out.append(braced(text.substring(i, end + 1), at));
                i = end + 1;
            } else {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end), end == i + 1)) {
                    end++;
                }
                if (end == i + 1) {
                    throw badFormat(text.substring(i), at);
                }
                out.append(lookup(text.substring(i + 1, end), text.substring(i, end), at));
                i = end;
            }
        }
        return out.toString();
    }

    private String braced(String expr, Value at) {
        String body = expr.substring(2, expr.length() - 1);
        int n = 0;
        while (n < body.length() && isNameChar(body.charAt(n), n == 0)) {
            n++;
        }
        if (n == 0) {
            throw badFormat(expr, at);
        }
        String name = body.substring(0, n);
        String rest = body.substring(n);
        String value = variables.get(name);
        boolean empty = value == null || value.isEmpty();
        if (rest.isEmpty()) {
            return lookup(name, expr, at);
        } else if (rest.startsWith(":-")) {
            return empty ? rest.substring(2) : value;
        } else if (rest.startsWith("-")) {
            return value == null ? rest.substring(1) : value;
        } else if (rest.startsWith(":?") || rest.startsWith("?")) {
            boolean colon = rest.startsWith(":");
            if (colon ? empty : value == null) {
                String error = rest.substring(colon ? 2 : 1);
                throw at.invalid("interpolation", expr, name + " set" + (colon ? " and not empty" : "")
                        + (error.isEmpty() ? "" : " (" + error + ")"), name + "=value in the environment or .env");
            }
            return value;
        }
        throw badFormat(expr, at);
    }

    private String lookup(String name, String expr, Value at) {
        String value = variables.get(name);
        if (value == null) {
            throw at.invalid("interpolation", expr, "a variable set in the environment or the .env file, or one"
                    + " with a default: ${" + name + ":-default}", "${" + name + ":-value}");
        }
        return value;
    }

    private static ComposeFileException badFormat(String expr, Value at) {
        return at.invalid("interpolation", expr, FORMS, "${TAG:-latest}");
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }
}
