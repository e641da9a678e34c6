package dev.berth.bench;

import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Berth's programmatic API: one engine connection, {@code engine.start(spec)} per container and
 * {@code engine.startAll(specs)} for a parallel start, readiness by {@code Wait.forHttp("/")}.
 */
public final class BerthStarter implements Starter {
    /** The bench's own 5 ms GET poll, as a Berth wait: separates the cost of Berth's wait from the rest. */
    public static final WaitStrategy FIVE_MS_POLL = (container, timeout) ->
            Fixture.awaitHttp(container.host(), container.mappedPort(Fixture.PORT), timeout);
    private final Engine engine;
    private final ContainerSpec spec;
    private final String name;

    /** Connects to the engine; containers wait with Berth's own {@code Wait.forHttp("/")}. */
    public BerthStarter() {
        this("Berth", Wait.forHttp("/"));
    }

    /**
     * @param name the variant name
     * @param wait the readiness strategy
     */
    public BerthStarter(String name, WaitStrategy wait) {
        this.name = name;
        this.spec = ContainerSpec.of(Fixture.IMAGE)
                .withCommand(Fixture.COMMAND.toArray(String[]::new))
                .withExposedPorts(Fixture.PORT)
                .waitingFor(wait)
                .withStartupTimeout(Fixture.READY_TIMEOUT);
        this.engine = Berth.connect();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Started start() {
        return new Handle(engine.start(spec));
    }

    /** Berth's own parallel start, {@code engine.startAll}. */
    @Override
    public List<Started> startAll(int n) {
        List<ContainerSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add(spec.withName("http-" + i));
        }
        List<Started> started = new ArrayList<>();
        engine.startAll(specs).forEach(c -> started.add(new Handle(c)));
        return started;
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
