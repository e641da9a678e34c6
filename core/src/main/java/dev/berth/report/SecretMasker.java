package dev.berth.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Masks secrets as {@value #MASK}: the value of every env variable, {@code NAME=value} pair and
 * {@code --name value} / {@code --name=value} option whose name matches one of the patterns
 * (case-insensitive), and the literal secret values themselves wherever they appear (log lines,
 * health probe output, errors). Values shorter than {@value #MIN_LITERAL} characters are masked only
 * where they appear next to their name, so that a one-letter password does not blank every letter.
 */
public final class SecretMasker {
    /** What a secret is replaced with. */
    public static final String MASK = "****";
    /** The shortest secret value that is also masked wherever it appears literally. */
    public static final int MIN_LITERAL = 4;

    private static final String NAME_CHARS = "[A-Za-z0-9_.-]*";
    /** A quoted value, up to its closing quote (or the end of the text when it has none). */
    private static final String QUOTED = "'[^']*(?:'|$)|\"[^\"]*(?:\"|$)";

    private final Pattern names;
    private final Pattern pairs;
    private final Pattern options;
    private final List<String> literals;

    private SecretMasker(Pattern names, Pattern pairs, Pattern options, List<String> literals) {
        this.names = names;
        this.pairs = pairs;
        this.options = options;
        this.literals = literals;
    }

    /**
     * @param patterns name fragments (regular expressions), e.g. {@link ReportSettings#DEFAULT_MASK}
     * @return a masker without known secret values yet
     * @throws IllegalArgumentException if a pattern is not a valid regular expression
     */
    public static SecretMasker of(List<String> patterns) {
        Pattern any = compile(patterns);
        String alt = any.pattern();
        Pattern pairs = Pattern.compile("(?i)(" + NAME_CHARS + "(?:" + alt + ")" + NAME_CHARS + ")=(" + QUOTED
                + "|[^\\s,;&|\"']+)");
        Pattern options = Pattern.compile("(?i)(--?" + NAME_CHARS + "(?:" + alt + ")" + NAME_CHARS + ")(\\s+)(" + QUOTED
                + "|[^\\s\"'-][^\\s\"';&|]*)");
        return new SecretMasker(Pattern.compile("(?i)" + alt), pairs, options, List.of());
    }

    static Pattern compile(List<String> patterns) {
        if (patterns.isEmpty()) {
            return Pattern.compile("(?!x)x"); // matches nothing
        }
        try {
            return Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Report mask patterns must be regular expressions, got " + patterns
                    + ": " + e.getDescription() + "; e.g. -Dberth.reports.mask=PASSWORD,SECRET,TOKEN", e);
        }
    }

    /**
     * @param env {@code NAME=value} entries of a container's environment
     * @return a masker that also masks the values of the secret-named entries wherever they appear
     */
    public SecretMasker withSecretsFrom(Collection<String> env) {
        Set<String> values = new LinkedHashSet<>(literals);
        for (String entry : env) {
            int eq = entry.indexOf('=');
            if (eq > 0 && isSecretName(entry.substring(0, eq))) {
                String value = entry.substring(eq + 1);
                if (value.length() >= MIN_LITERAL) {
                    values.add(value);
                }
            }
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(names, pairs, options, List.copyOf(sorted));
    }

    /**
     * @param name an env variable or option name
     * @return whether its value is a secret
     */
    public boolean isSecretName(String name) {
        return names.matcher(name).find();
    }

    /**
     * @param text any text: a log line, an error message, a command line
     * @return the text with every known secret value and every secret-named value replaced by {@value #MASK}
     */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : literals) {
            out = out.replace(secret, MASK);
        }
        out = pairs.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + masked(m.group(2))));
        out = options.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2)
                + masked(m.group(3))));
        return out;
    }

    /** @return the mask in place of a value, keeping the quotes around it (so the rest of the line still parses) */
    private static String masked(String value) {
        char first = value.charAt(0);
        if (first != '\'' && first != '"') {
            return MASK;
        }
        boolean closed = value.length() > 1 && value.charAt(value.length() - 1) == first;
        return first + MASK + (closed ? String.valueOf(first) : "");
    }

    /**
     * @param args a command's arguments, one per element
     * @return the arguments masked; the element after a secret-named option such as {@code --password} is masked too
     */
    public List<String> maskArgs(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        boolean nextIsSecret = false;
        for (String arg : args) {
            if (nextIsSecret) {
                out.add(MASK);
                nextIsSecret = false;
                continue;
            }
            if (arg.startsWith("-") && !arg.contains("=") && isSecretName(arg)) {
                nextIsSecret = true;
            }
            out.add(mask(arg));
        }
        return out;
    }

    /**
     * @param lines log lines or other text lines
     * @return each line masked
     */
    public List<String> maskAll(List<String> lines) {
        return lines.stream().map(this::mask).toList();
    }
}
