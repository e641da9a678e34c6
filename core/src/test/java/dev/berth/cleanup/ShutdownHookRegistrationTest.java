package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hook belongs to one owner: registered, then deregistered without running. */
class ShutdownHookRegistrationTest {

    @Test
    void deregisteringRemovesTheHookAndIsRepeatable() {
        AtomicBoolean ran = new AtomicBoolean();
        ShutdownHook hook = ShutdownHook.register("berth-test-hook", () -> ran.set(true));
        hook.deregister();
        hook.deregister();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook.thread())).as("still registered").isFalse();
        assertThat(ran).isFalse();
    }
}
