package dev.berth.modules;

import dev.berth.InvalidSpecException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Validation shared by the service modules; every failure is core's {@link InvalidSpecException}
 * ({@code Invalid <option>: <value>. Allowed: … Example: ….}).
 */
public final class Settings {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern VHOST = Pattern.compile("/|[A-Za-z0-9_./-]{1,255}");

    private Settings() {
    }

    /**
     * @param option the option's name, e.g. {@code "PostgreSQL database"}
     * @param value a database or user name
     * @param example a valid example
     * @return the value
     * @throws InvalidSpecException unless 1–63 letters, digits or underscores, not starting with a digit
     */
    public static String identifier(String option, String value, String example) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new InvalidSpecException(option, String.valueOf(value),
                    "1 to 63 letters, digits or underscores, not starting with a digit", example);
        }
        return value;
    }

    /**
     * @param option the option's name, e.g. {@code "PostgreSQL password"}
     * @param value a password
     * @param example a valid example
     * @return the value
     * @throws InvalidSpecException if null, empty, or containing control characters or a comma
     */
    public static String password(String option, String value, String example) {
        boolean valid = value != null && !value.isEmpty() && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (!valid) {
            throw new InvalidSpecException(option, value == null ? "null" : value.isEmpty() ? "" : "****",
                    "a non-empty text without control characters", example);
        }
        return value;
    }

    /**
     * @param option the option's name
     * @param value a RabbitMQ virtual host
     * @return the value
     * @throws InvalidSpecException unless {@code /} or 1–255 letters, digits, {@code _ . / -}
     */
    public static String vhost(String option, String value) {
        if (value == null || !VHOST.matcher(value).matches()) {
            throw new InvalidSpecException(option, String.valueOf(value),
                    "/ or 1 to 255 letters, digits, _ . / -", "\"/\" or \"orders\"");
        }
        return value;
    }

    /**
     * @param option the option's name
     * @param value a host port
     * @return the value
     * @throws InvalidSpecException unless 1–65535
     */
    public static int port(String option, int value) {
        if (value < 1 || value > 65535) {
            throw new InvalidSpecException(option, value, "1 to 65535", "19092");
        }
        return value;
    }

    /**
     * @param option the option's name
     * @param value a timeout
     * @return the value
     * @throws InvalidSpecException unless positive
     */
    public static Duration positive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidSpecException(option, String.valueOf(value), "a positive duration", "Duration.ofSeconds(60)");
        }
        return value;
    }
}
