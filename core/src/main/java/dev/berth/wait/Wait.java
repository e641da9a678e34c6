package dev.berth.wait;

/** Static factory of the built-in {@link WaitStrategy} values. */
public final class Wait {
    private Wait() {
    }

    /** @return a strategy that does not wait: ready once started */
    public static WaitStrategy none() {
        return (container, timeout) -> { };
    }
}
