package dev.berth.cleanup;

import dev.berth.Internals;
import dev.berth.Scope;
import static dev.berth.cleanup.CleanupFixtures.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.BerthException;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.session.Session.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Removal off the critical path: awaited when the engine closes, failures still reported there. */
class BackgroundRemovalTest {
    private static final ContainerSpec SLEEPER = ContainerSpec.of(CleanupFixtures.BUSYBOX).withCommand("sleep", "600");

    @Test
    void discardedContainersAreGoneOnceTheEngineCloses() throws Exception {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        long handOff = 0;
        long inline;
        try (DockerClient raw = CleanupFixtures.raw()) {
            try (Engine engine = Berth.connect()) {
                RunningContainer first = engine.start(SLEEPER);
                long t0 = System.nanoTime();
                first.close();
                inline = System.nanoTime() - t0;
                for (int i = 0; i < 3; i++) {
                    RunningContainer c = engine.start(SLEEPER);
                    ids.add(c.id());
                    long t = System.nanoTime();
                    done.add(engine.discardLater(c));
                    handOff += System.nanoTime() - t;
                }
            }
            System.out.printf("[berth-cleanup] close() inline: %d ms; discardLater() hand-off: %.2f ms per container%n",
                    inline / 1_000_000, handOff / 3 / 1e6);
            assertThat(done).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
            for (String id : ids) {
                assertThat(exists(raw, Kind.CONTAINER, id)).as(id).isFalse();
            }
        }
    }

    @Test
    void aFailedBackgroundRemovalIsReportedWhenTheEngineCloses() {
        Engine engine = Berth.connect();
        AutoCloseable flaky = new AutoCloseable() {
            @Override
            public void close() {
                throw new IllegalStateException("connection reset by peer");
            }

            @Override
            public String toString() {
                return "flaky-client";
            }
        };
        CompletableFuture<Void> f = engine.discardLater(flaky);

        BerthException e = catchThrowableOfType(BerthException.class, engine::close);

        assertThat(f).isCompletedExceptionally();
        assertThat(e).hasMessage("Teardown of session " + Internals.ledger(engine).id().substring(0, 8)
                + " failed in 1 of 1 step(s); every other step was attempted:\n"
                + "  - close flaky-client in the background: connection reset by peer\n"
                + "Free what still uses these resources, then remove the leftovers with 'scripts/sweep --remove'"
                + " (it lists them first without --remove).");
        assertThat(e.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScopeCanBeDiscardedAsAWhole() throws Exception {
        try (DockerClient raw = CleanupFixtures.raw()) {
            String c;
            String n;
            try (Engine engine = Berth.connect()) {
                Scope scope = new Scope("perTest");
                n = scope.add(engine.network("scoped")).id();
                c = scope.add(engine.start(SLEEPER)).id();
                engine.discardLater(scope).join();
                assertThat(exists(raw, Kind.CONTAINER, c)).isFalse();
                assertThat(exists(raw, Kind.NETWORK, n)).isFalse();
            }
        }
    }
}
