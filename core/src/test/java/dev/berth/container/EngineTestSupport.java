package dev.berth.container;

import dev.berth.Berth;
import dev.berth.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One engine connection per test, closed (removing what its session holds) even when the test fails; for one per test
 * class, {@link dev.berth.EngineTestSupport}.
 */
public abstract class EngineTestSupport {
    protected Engine engine;

    @BeforeEach
    void connect() {
        engine = Berth.connect();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }
}
