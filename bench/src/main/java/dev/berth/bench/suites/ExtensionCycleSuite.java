package dev.berth.bench.suites;

import dev.berth.RunningContainer;
import dev.berth.bench.Fixture;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.WaitFor;
import org.junit.jupiter.api.RepeatedTest;

/** Scenario 2b with Berth's extension: an instance-scoped container, fresh for each of 20 tests. */
@DockerTest
public class ExtensionCycleSuite {
    @Container(image = Fixture.IMAGE, ports = Fixture.PORT, command = {"httpd", "-f", "-p", "8080", "-h", "/www"},
            waitFor = @WaitFor(http = "/"))
    RunningContainer http;

    @RepeatedTest(CycleSuite.TESTS)
    void answers() {
        Fixture.awaitHttp(http.host(), http.mappedPort(Fixture.PORT), Fixture.READY_TIMEOUT);
    }
}
