package dev.berth;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human sizes as the docker CLI reads them ({@code --memory}, {@code --shm-size}): a decimal number and an
 * optional binary unit {@code b}, {@code k}, {@code m}, {@code g}, {@code t}, {@code p} (case-insensitive,
 * optionally followed by {@code i} and/or {@code b}), e.g. {@code "64m"}, {@code "1g"}, {@code "1.5g"};
 * and cpuset lists ({@code --cpuset-cpus}) such as {@code "0-1,3"}.
 */
final class Units {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?$", Pattern.CASE_INSENSITIVE);
    /** What every size option allows, in error messages. */
    static final String SIZES = "a positive size: a number with an optional binary unit b, k, m, g "
            + "(as the docker CLI reads them)";

    private Units() {
    }

    /**
     * @param option the option's name, for the error
     * @param text the size, e.g. {@code "1.5g"}
     * @param example an example for the error
     * @return the size in bytes, at least 1 (a fraction of a byte above 1 is dropped, as the docker CLI does)
     * @throws InvalidSpecException if unparseable, or not a positive size: below one byte (e.g. {@code "0.5"}) or
     *     beyond {@link Long#MAX_VALUE}
     */
    static long bytes(String option, String text, String example) {
        Matcher m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidSpecException(option, String.valueOf(text), SIZES, example);
        }
        int shift = m.group(2) == null ? 0 : 10 * ("kmgtp".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1);
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
        if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidSpecException(option, text, SIZES, example);
        }
        return bytes.longValue();
    }

    /**
     * @param bytes a size
     * @return the shortest exact docker-style rendering, e.g. {@code 268435456 -> "256m"}
     */
    static String format(long bytes) {
        String[] units = {"", "k", "m", "g", "t"};
        int i = 0;
        long v = bytes;
        while (i < units.length - 1 && v % 1024 == 0 && v != 0) {
            v /= 1024;
            i++;
        }
        return v + units[i];
    }

    /**
     * @param list a cpuset list such as {@code "0-1,3"}
     * @return the highest number named, or null if the list is malformed
     */
    static Integer highestCpu(String list) {
        if (!list.matches("\\d{1,4}(-\\d{1,4})?(,\\d{1,4}(-\\d{1,4})?)*")) {
            return null;
        }
        int max = -1;
        for (String part : list.split(",")) {
            String[] ends = part.split("-");
            int lo = Integer.parseInt(ends[0]);
            int hi = Integer.parseInt(ends[ends.length - 1]);
            if (hi < lo) {
                return null;
            }
            max = Math.max(max, hi);
        }
        return max;
    }
}
