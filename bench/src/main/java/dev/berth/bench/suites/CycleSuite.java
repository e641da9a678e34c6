package dev.berth.bench.suites;

import dev.berth.bench.Fixture;
import dev.berth.bench.Starter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 2b: 20 tests, each with a fresh httpd container started before it and removed after it
 * (what an instance-scoped container field does), with the technology the launcher names.
 */
@ExtendWith(StarterResolver.class)
public class CycleSuite {
    /** Tests in the suite; the smoke mode selects only the first iterations. */
    public static final int TESTS = 20;
    private Starter.Started container;

    /**
     * @param starter the technology under measurement
     * @throws Exception when the container does not start
     */
    @BeforeEach
    void start(Starter starter) throws Exception {
        container = starter.start();
    }

    @AfterEach
    void remove() {
        container.close();
    }

    @RepeatedTest(TESTS)
    void answers() {
        Fixture.awaitHttp(container.host(), container.port(), Fixture.READY_TIMEOUT);
    }
}
