package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLogTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(10_000);
    private final ProgressLog log = new ProgressLog("Pulling", "localhost:5000/x:1", lines::add, now::get, 1000);

    @Test
    void emitsAtMostOneLinePerIntervalListingEveryLayer() {
        log.update("sha256:0123456789abcdef", "Downloading", 0, 4 * 1048576);
        log.update("fedcba9876543210", "Waiting", -1, -1);
        now.addAndGet(999);
        log.update("sha256:0123456789abcdef", "Downloading", 1048576, 4 * 1048576);
        assertThat(lines).isEmpty();
        now.addAndGet(1);
        log.update("sha256:0123456789abcdef", "Downloading", 2 * 1048576, 4 * 1048576);
        assertThat(lines).containsExactly(
                "Pulling localhost:5000/x:1: 2 layer(s) [0123456789ab Downloading 2.0/4.0 MB, fedcba987654 Waiting]");
        for (int i = 0; i < 50; i++) {
            now.addAndGet(10);
            log.update("fedcba9876543210", "Downloading", i, 100);
        }
        assertThat(lines).hasSize(1);
        now.addAndGet(600);
        log.update("fedcba9876543210", "Pull complete", -1, -1);
        assertThat(lines).hasSize(2);
    }

    @Test
    void alwaysEmitsTheFinalLine() {
        log.update("abc", "Pull complete", -1, -1);
        log.done();
        assertThat(lines).containsExactly("Pulling localhost:5000/x:1: done, 1 layer(s) [abc Pull complete]");
    }
}
