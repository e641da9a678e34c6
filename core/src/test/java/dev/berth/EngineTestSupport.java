package dev.berth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One engine connection per test class, closed (removing what its session holds) after the class. */
public abstract class EngineTestSupport {
    /** The connection of the running test class. */
    protected static Engine engine;

    @BeforeAll
    static void connectEngine() {
        engine = Berth.connect();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }
}
