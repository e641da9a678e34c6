package dev.berth.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The failure a report is about: the test's exception, masked.
 *
 * @param type the exception's fully qualified class name, e.g. {@code org.opentest4j.AssertionFailedError}
 * @param message its message with secrets masked, or {@code ""} when it has none
 * @param frames the first frames of its stack trace, e.g. {@code com.acme.OrdersTest.savesOrder(OrdersTest.java:42)}
 * @param causes each cause, outermost first, as {@code type: message} (masked)
 */
public record FailureSection(String type, String message, List<String> frames, List<String> causes) {
    /** How many stack frames a report keeps. */
    public static final int FRAMES = 10;

    /** Copies the lists. */
    public FailureSection {
        frames = List.copyOf(frames);
        causes = List.copyOf(causes);
    }

    /**
     * @param failure the test's exception
     * @param masker masks secrets in the message, the frames and the causes
     * @return its section: class, masked message, the first {@value #FRAMES} frames, its causes
     */
    public static FailureSection of(Throwable failure, SecretMasker masker) {
        List<String> frames = Arrays.stream(failure.getStackTrace()).limit(FRAMES)
                .map(f -> masker.mask(f.toString())).toList();
        List<String> causes = new ArrayList<>();
        for (Throwable c = failure.getCause(); c != null && c != failure && causes.size() < FRAMES; c = c.getCause()) {
            causes.add(c.getClass().getName() + ": " + masked(c, masker));
        }
        return new FailureSection(failure.getClass().getName(), masked(failure, masker), frames, causes);
    }

    private static String masked(Throwable t, SecretMasker masker) {
        return t.getMessage() == null ? "" : masker.mask(t.getMessage());
    }
}
