package dev.berth.bench;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.wait.WaitStrategy;

/** Berth's programmatic API: one engine connection, {@code engine.start(spec)} per container. */
public final class BerthStarter implements Starter {
    /** Until Berth has an HTTP wait: the same 5 ms GET poll as the baseline. */
    private static final WaitStrategy HTTP = (container, timeout) ->
            Fixture.awaitHttp(container.host(), container.mappedPort(Fixture.PORT), timeout);
    private static final ContainerSpec SPEC = ContainerSpec.of(Fixture.IMAGE)
            .withCommand(Fixture.COMMAND.toArray(String[]::new))
            .withExposedPorts(Fixture.PORT)
            .waitingFor(HTTP)
            .withStartupTimeout(Fixture.READY_TIMEOUT);
    private final Engine engine;

    /** Connects to the engine. */
    public BerthStarter() {
        this.engine = Berth.connect();
    }

    @Override
    public String name() {
        return "Berth";
    }

    @Override
    public Started start() {
        RunningContainer c = engine.start(SPEC);
        return new Handle(c);
    }

    @Override
    public void close() {
        engine.close();
    }

    private record Handle(RunningContainer c) implements Started {
        @Override
        public String host() {
            return c.host();
        }

        @Override
        public int port() {
            return c.mappedPort(Fixture.PORT);
        }

        @Override
        public void close() {
            c.close();
        }
    }
}
