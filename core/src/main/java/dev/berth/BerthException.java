package dev.berth;

/**
 * Root of the exceptions Berth throws. Every message says what failed, where, and how to fix it.
 */
public class BerthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, where, and how to fix it */
    public BerthException(String message) {
        super(message);
    }

    /**
     * @param message what failed, where, and how to fix it
     * @param cause the underlying failure
     */
    public BerthException(String message, Throwable cause) {
        super(message, cause);
    }
}
