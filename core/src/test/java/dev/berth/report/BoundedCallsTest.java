package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BoundedCallsTest {
    @Test
    void namesCallsThatFailOrHangAndKeepsWhatAnswered() {
        CountDownLatch never = new CountDownLatch(1);
        try (BoundedCalls calls = new BoundedCalls(4, Duration.ofSeconds(5), System::nanoTime)) {
            BoundedCalls.Pending<String> ok = calls.submit("engine info", Duration.ofSeconds(5), () -> "20.10");
            BoundedCalls.Pending<String> hangs = calls.submit("stats of db", Duration.ofMillis(100), () -> {
                never.await();
                return "never";
            });
            BoundedCalls.Pending<String> gone = calls.submit("state of db", Duration.ofSeconds(5), () -> {
                throw new NotFoundException("{\"message\":\"No such container: abc\"}\n");
            });
            BoundedCalls.Pending<String> broken = calls.submit("logs of db", Duration.ofSeconds(5), () -> {
                throw new RuntimeException(new java.net.ConnectException("Connection refused"));
            });
            assertThat(calls.get(ok)).isEqualTo("20.10");
            assertThat(calls.get(hangs)).isNull();
            assertThat(calls.get(gone)).isNull();
            assertThat(calls.get(broken)).isNull();
            assertThat(calls.notCollected()).containsExactly(
                    "stats of db (timed out after 100 ms)",
                    "state of db (not found: No such container: abc)",
                    "logs of db (ConnectException: Connection refused)");
        }
    }

    @Test
    void theOverallBudgetCutsLongerCallTimeouts() {
        CountDownLatch never = new CountDownLatch(1);
        try (BoundedCalls calls = new BoundedCalls(2, Duration.ofMillis(200), System::nanoTime)) {
            BoundedCalls.Pending<String> hangs = calls.submit("engine info", Duration.ofSeconds(30), () -> {
                never.await();
                return "never";
            });
            assertThat(calls.get(hangs)).isNull();
            assertThat(calls.notCollected())
                    .containsExactly("engine info (timed out: the collection's 200 ms budget was used up)");
        }
    }

    @Test
    void quietCallsAreNotNamed() {
        try (BoundedCalls calls = new BoundedCalls(1, Duration.ofSeconds(5), System::nanoTime)) {
            BoundedCalls.Pending<String> fails = calls.submit("stats of db", Duration.ofSeconds(5), () -> {
                throw new IllegalStateException("not running");
            });
            assertThat(calls.getQuietly(fails)).isNull();
            assertThat(calls.notCollected()).isEmpty();
        }
    }
}
