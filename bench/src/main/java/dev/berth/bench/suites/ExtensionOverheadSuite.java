package dev.berth.bench.suites;

import dev.berth.RunningContainer;
import dev.berth.bench.Fixture;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.WaitFor;
import org.junit.jupiter.api.RepeatedTest;

/** Scenario 6 with the extension: one class-scoped container, 50 empty tests. */
@DockerTest
public class ExtensionOverheadSuite {
    /** Tests in the class. */
    public static final int TESTS = 50;

    @Container(image = Fixture.IMAGE, ports = Fixture.PORT, command = {"httpd", "-f", "-p", "8080", "-h", "/www"},
            waitFor = @WaitFor(http = "/"))
    static RunningContainer http;

    @RepeatedTest(TESTS)
    void empty() {
    }
}
