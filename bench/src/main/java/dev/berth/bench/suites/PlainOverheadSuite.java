package dev.berth.bench.suites;

import dev.berth.bench.BerthStarter;
import dev.berth.bench.Starter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/** Scenario 6 without the extension: the same class-scoped container, started by hand, 50 empty tests. */
public class PlainOverheadSuite {
    private static BerthStarter starter;
    private static Starter.Started http;

    @BeforeAll
    static void start() {
        starter = new BerthStarter();
        http = starter.start();
    }

    @AfterAll
    static void stop() {
        http.close();
        starter.close();
    }

    @RepeatedTest(ExtensionOverheadSuite.TESTS)
    void empty() {
    }
}
