package dev.berth;

/**
 * A specification value is invalid. Thrown by factories and {@code with…} methods, before any
 * resource exists. The message names the option, the value, what is allowed, and an example.
 */
public final class InvalidSpecException extends BerthException {
    private static final long serialVersionUID = 1L;
    /** The option whose value was invalid. */
    private final String option;

    /**
     * @param option the option's name, e.g. {@code "memory"}
     * @param value the rejected value as the user gave it
     * @param allowed what is allowed
     * @param example an example of a valid value
     */
    public InvalidSpecException(String option, Object value, String allowed, String example) {
        super(message(option, value, allowed, example));
        this.option = option;
    }

    /** @return the option's name */
    public String option() {
        return option;
    }

    /**
     * Renders the one message format every invalid value uses.
     *
     * @param option the option's name
     * @param value the rejected value
     * @param allowed what is allowed
     * @param example an example of a valid value
     * @return the message
     */
    public static String message(String option, Object value, String allowed, String example) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return "Invalid " + option + ": " + shown + ". Allowed: " + allowed + ". Example: " + example + ".";
    }
}
