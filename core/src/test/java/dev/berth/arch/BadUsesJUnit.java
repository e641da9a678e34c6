package dev.berth.arch;

/** Breaks "core never imports JUnit" on purpose: {@link ArchitectureTest} shows the rule reports it. */
final class BadUsesJUnit {
    private BadUsesJUnit() {
    }

    static void fail() {
        org.junit.jupiter.api.Assertions.fail("never called");
    }
}
