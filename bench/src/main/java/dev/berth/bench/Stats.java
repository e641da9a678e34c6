package dev.berth.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurements of one variant and their summary.
 *
 * @param variant the variant's name
 * @param samplesNanos every measured iteration, in run order
 */
public record Stats(String variant, List<Long> samplesNanos) {
    /** Copies the list. */
    public Stats {
        samplesNanos = List.copyOf(samplesNanos);
    }

    /** @return the number of measurements */
    public int count() {
        return samplesNanos.size();
    }

    /** @return the smallest measurement in ms */
    public double minMs() {
        return ms(sorted().get(0));
    }

    /** @return the largest measurement in ms */
    public double maxMs() {
        List<Long> s = sorted();
        return ms(s.get(s.size() - 1));
    }

    /** @return the median in ms (mean of the two middle values for an even count) */
    public double medianMs() {
        List<Long> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? ms(s.get(n / 2)) : (ms(s.get(n / 2 - 1)) + ms(s.get(n / 2))) / 2;
    }

    private List<Long> sorted() {
        if (samplesNanos.isEmpty()) {
            throw new IllegalStateException("no measurement for " + variant);
        }
        List<Long> s = new ArrayList<>(samplesNanos);
        Collections.sort(s);
        return s;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
