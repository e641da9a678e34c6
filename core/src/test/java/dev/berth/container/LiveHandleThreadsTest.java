package dev.berth.container;

import static dev.berth.Fixtures.BUSYBOX;
import static dev.berth.Fixtures.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.ContainerSpec;
import dev.berth.EngineTestSupport;
import dev.berth.RunningContainer;
import dev.berth.StopPolicy;
import dev.berth.report.FailureReport;
import dev.berth.report.ReportCollector;
import dev.berth.report.ReportSettings;
import dev.berth.report.ReportTarget;
import dev.berth.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The bound on threads per live handle: a started container holds no thread (its log stream is followed only
 * during its start and while a consumer follows it); its logs and reports still show what it logged later.
 */
class LiveHandleThreadsTest extends EngineTestSupport {
    private static final int CONTAINERS = 20;
    private static final ContainerSpec LOGGER = ContainerSpec.of(BUSYBOX).withCommand("sh", "-c",
            "echo started; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo after-start; echo oops >&2; sleep 600")
            .waitingFor(Wait.forLogMessage("started"));

    @Test
    void twentyLiveHandlesHoldNoThreadEach() throws Exception {
        engine.start(LOGGER).close(); // warm up: the engine's call pool and the first stream exist once per JVM
        awaitNoLogStreams();
        int before = Thread.activeCount();
        List<RunningContainer> live = new ArrayList<>();
        try {
            for (int i = 0; i < CONTAINERS; i++) {
                // without a wait the start returns before the engine answered the log request: its stream ends too
                live.add(engine.start(i % 2 == 0 ? LOGGER : sleeper()));
            }
            assertThat(grownAfterStreamsEnd(before)).as("threads grown for %d live handles", CONTAINERS)
                    .isLessThan(5);
        } finally {
            live.forEach(RunningContainer::close);
        }
    }

    @Test
    void logsAndReportsShowLinesLoggedAfterTheStartReturned() {
        try (RunningContainer c = engine.start(LOGGER)) {
            assertThat(c.logs().lines()).containsExactly("started");
            c.exec("touch", "/tmp/go");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> c.logs().lines().size() >= 3);
            assertThat(c.logs().lines()).startsWith("started").containsExactlyInAnyOrder("started", "after-start", "oops");
            assertThat(c.logs().last(2)).containsExactlyInAnyOrder("after-start", "oops");
            assertThat(streamThreads()).as("reads on demand hold no thread").isZero();

            FailureReport r = new ReportCollector(engine.docker(), "local", ReportSettings.defaults())
                    .collect("live", List.of(ReportTarget.of(c)));
            assertThat(r.containers().get(0).logs()).containsExactlyElementsOf(c.logs().lines());
        }
    }

    @Test
    void linesLoggedWhileStoppingStayAfterClose() {
        RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "trap 'echo got-term; exit 0' TERM; echo up; while true; do sleep 0.1; done")
                .withStopPolicy(StopPolicy.graceful(Duration.ofSeconds(20))).waitingFor(Wait.forLogMessage("up")));
        c.close();
        assertThat(c.logs().lines()).containsExactly("up", "got-term");
    }

    @Test
    void aConsumerHoldsOneThreadUntilItsSubscriptionCloses() throws Exception {
        try (RunningContainer c = engine.start(LOGGER)) {
            awaitNoLogStreams();
            List<String> seen = new CopyOnWriteArrayList<>();
            try (var sub = c.logs().follow(seen::add)) {
                assertThat(streamThreads()).isEqualTo(1);
                c.exec("touch", "/tmp/go");
                await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 3);
                assertThat(seen).startsWith("started").containsExactlyInAnyOrder("started", "after-start", "oops");
            }
            awaitNoLogStreams();
            assertThat(c.logs().lines()).containsExactlyElementsOf(seen);
        }
    }

    /** @return the threads grown since {@code before}, once no log stream runs (or after 10 s) */
    private static int grownAfterStreamsEnd(int before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streamThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // a closed stream's thread ends just after the close
        }
        return Thread.activeCount() - before;
    }

    private static void awaitNoLogStreams() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> streamThreads() == 0);
    }

    private static long streamThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("docker-java-stream")).count();
    }
}
