package dev.berth.image;

import dev.berth.Berth;
import dev.berth.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One engine connection per test class, closed (removing what its session holds) after it. */
abstract class WithEngine {
    static Engine engine;

    @BeforeAll
    static void connect() {
        engine = Berth.connect();
    }

    @AfterAll
    static void disconnect() {
        engine.close();
    }
}
