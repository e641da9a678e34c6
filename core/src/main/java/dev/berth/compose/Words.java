package dev.berth.compose;

import java.util.ArrayList;
import java.util.List;

/** Splits a command string into words as compose does (POSIX shell quoting: '…', "…", backslash). */
final class Words {
    private Words() {
    }

    static List<String> split(String line, Value at) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            throw at.invalid(at.key(), line, "a command with balanced quotes, or a list of words",
                    "[\"sh\", \"-c\", \"echo hi\"]");
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
