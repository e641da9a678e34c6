package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines, on a clock the test moves. */
class ProgressTest {
    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainOutputPrintsAWholeLineEveryFiveSecondsThenTheTotal() {
        Progress p = new Progress(out, "save img", 40L << 20, false, now::get);
        now.set(1_000_000_000L);
        p.add(4L << 20); // 1 s: too early for a line
        now.set(5_000_000_000L);
        p.add(6L << 20); // 5 s: 10 MiB of 40
        now.set(8_000_000_000L);
        p.add(10L << 20); // 8 s: nothing
        now.set(10_000_000_000L);
        p.add(20L << 20);
        p.finish();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "save img: 10.0 MiB of 40.0 MiB (25%), 2.0 MiB/s, about 15 s left\n"
                + "save img: 40.0 MiB of 40.0 MiB (100%), 4.0 MiB/s\n"
                + "save img: 40.0 MiB in 10.0 s\n");
    }

    @Test
    void aTerminalRedrawsOneLineInPlace() {
        Progress p = new Progress(out, "load img", 0, true, now::get);
        now.set(500_000_000L);
        p.add(1024);
        p.finish();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\rload img: 1.0 KiB, 2.0 KiB/s\u001b[K\r\u001b[Kload img: 1.0 KiB in 0.5 s\n");
    }
}
