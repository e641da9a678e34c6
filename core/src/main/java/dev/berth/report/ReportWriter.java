package dev.berth.report;

import dev.berth.BerthException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a report as {@code <dir>/<class>/<test>.md} and {@code .json}, with file names made safe
 * for every file system: characters other than letters, digits, {@code .}, {@code _}, {@code -},
 * {@code [} and {@code ]} become {@code _} (none right before a {@code [}, so the invocation
 * {@code fails()[2]} becomes {@code fails[2]}), and names longer than {@value #MAX_NAME} characters are cut and suffixed with a
 * short hash of the full name so they stay unique.
 */
public final class ReportWriter {
    /** The longest file name stem written. */
    public static final int MAX_NAME = 100;

    private final Path directory;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final JsonRenderer json = new JsonRenderer();

    /** @param directory the root directory, e.g. {@link ReportSettings#directory()} */
    public ReportWriter(Path directory) {
        this.directory = directory;
    }

    /**
     * The files written.
     *
     * @param markdown the Markdown report
     * @param json the JSON report
     */
    public record Written(Path markdown, Path json) {
    }

    /**
     * @param report the report
     * @param testClass the test class name, e.g. {@code com.acme.OrdersTest}
     * @param test the test name, e.g. {@code savesOrder()}
     * @return the two files, overwritten if they existed
     * @throws BerthException if they cannot be written, naming the directory
     */
    public Written write(FailureReport report, String testClass, String test) {
        Path dir = directory.resolve(safeName(testClass));
        String stem = safeName(test);
        Path md = dir.resolve(stem + ".md");
        Path js = dir.resolve(stem + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(md, markdown.render(report), StandardCharsets.UTF_8);
            Files.writeString(js, json.render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BerthException("Could not write the Berth failure report to " + dir.toAbsolutePath() + ": "
                    + e + "; check that the directory is writable or set -Dberth.reports.dir=<writable dir>", e);
        }
        return new Written(md, js);
    }

    /**
     * @param name any name, e.g. {@code "savesOrder(String, int)"}
     * @return a safe file name stem, e.g. {@code "savesOrder_String_int"}, {@code "shows_String[2]"} for
     *     {@code "shows(String)[2]"}; {@code "unnamed"} if nothing is left
     */
    public static String safeName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._\\[\\]-]+", "_").replaceAll("_+\\[", "[")
                .replaceAll("^[._]+|_+$", "");
        if (s.isEmpty()) {
            s = "unnamed";
        }
        if (s.length() > MAX_NAME) {
            s = s.substring(0, MAX_NAME - 9) + "-" + hash(name);
        }
        return s;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
