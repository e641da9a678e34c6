package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.RunningContainer;
import org.junit.jupiter.api.Test;

class HandlesTest {
    /** A typed handle like the service modules' ones. */
    public static final class Typed {
        final RunningContainer container;

        private Typed(RunningContainer container) {
            this.container = container;
        }

        public static Typed of(RunningContainer container) {
            return new Typed(container);
        }
    }

    /** Has an of(RunningContainer), but it returns something else: not a handle. */
    public static final class NotTyped {
        public static String of(RunningContainer container) {
            return "x";
        }
    }

    @Test
    void aTypeWithAStaticOfRunningContainerReturningItselfIsAHandle() {
        assertThat(Handles.isHandle(Typed.class)).isTrue();
        assertThat(Handles.isHandle(NotTyped.class)).isFalse();
        assertThat(Handles.isHandle(RunningContainer.class)).isFalse();
        assertThat(Handles.isHandle(String.class)).isFalse();
    }

    @Test
    void wrapCallsTheFactoryAndLeavesRunningContainerAlone() {
        RunningContainer container = (RunningContainer) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RunningContainer.class}, (proxy, method, args) -> null);
        assertThat(Handles.wrap(Typed.class, container)).isInstanceOfSatisfying(Typed.class,
                t -> assertThat(t.container).isSameAs(container));
        assertThat(Handles.wrap(RunningContainer.class, container)).isSameAs(container);
    }
}
