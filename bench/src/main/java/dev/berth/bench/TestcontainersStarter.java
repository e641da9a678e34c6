package dev.berth.bench;

import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The peer: Testcontainers {@code GenericContainer} with {@code Wait.forHttp("/")}, never pulling
 * (the image is local). Ryuk is disabled on this machine, so every container is stopped here.
 */
public final class TestcontainersStarter implements Starter {
    /** Environment variables Testcontainers needs on an offline machine (read only from the environment). */
    public static final List<String> REQUIRED_ENV = List.of("TESTCONTAINERS_RYUK_DISABLED=true",
            "TESTCONTAINERS_HOST_OVERRIDE=localhost");
    private final String runId;

    /**
     * @param runId value of the {@link Fixture#LABEL} label on every container created
     * @throws IllegalStateException if the environment lacks {@link #REQUIRED_ENV}
     */
    public TestcontainersStarter(String runId) {
        this.runId = runId;
        requireEnvironment();
    }

    /** @throws IllegalStateException naming the missing variables and how to set them */
    public static void requireEnvironment() {
        List<String> missing = new ArrayList<>();
        for (String kv : REQUIRED_ENV) {
            String[] p = kv.split("=", 2);
            if (!p[1].equals(System.getenv(p[0]))) {
                missing.add(kv);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Testcontainers needs " + missing + " in the environment on this"
                    + " offline machine (it reads them only from the environment, not from system properties or"
                    + " ~/.testcontainers.properties); run the bench through scripts/bench, which exports them.");
        }
    }

    @Override
    public String name() {
        return "Testcontainers";
    }

    @SuppressWarnings("resource")
    private GenericContainer<?> container() {
        return new GenericContainer<>(DockerImageName.parse(Fixture.IMAGE))
                .withImagePullPolicy(image -> false)
                .withCommand(Fixture.COMMAND.toArray(String[]::new))
                .withLabel(Fixture.LABEL, runId)
                .withExposedPorts(Fixture.PORT)
                .waitingFor(Wait.forHttp("/").withStartupTimeout(Fixture.READY_TIMEOUT));
    }

    @Override
    public Started start() {
        GenericContainer<?> c = container();
        try {
            c.start();
        } catch (RuntimeException e) {
            c.stop();
            throw e;
        }
        return new Handle(c);
    }

    /** Testcontainers' own parallel start, {@code Startables.deepStart}. */
    @Override
    public List<Started> startAll(int n) {
        List<GenericContainer<?>> containers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            containers.add(container());
        }
        try {
            Startables.deepStart(containers).join();
        } catch (RuntimeException e) {
            containers.forEach(GenericContainer::stop);
            throw e;
        }
        List<Started> started = new ArrayList<>();
        containers.forEach(c -> started.add(new Handle(c)));
        return started;
    }

    private record Handle(GenericContainer<?> c) implements Started {
        @Override
        public String host() {
            return c.getHost();
        }

        @Override
        public int port() {
            return c.getMappedPort(Fixture.PORT);
        }

        @Override
        public void close() {
            c.stop();
        }
    }
}
