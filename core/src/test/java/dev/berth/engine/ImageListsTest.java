package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Podman's list race (stop 26 of CI failed on it: {@code CrashSweepTest}'s sweep listed images while another test
 * class committed one). The answers below are the bodies Podman 4.3 gave here (docker-java prefixes {@code Status 500: }), one from CI and one from the
 * reproduction in docs/engines.md.
 */
class ImageListsTest {
    private static final String SIZE_RACE = "{\"cause\":\"size is not known\",\"message\":\"retrieving parent of"
            + " image \\\"e93b81d9\\\": you may need to remove the image to resolve the error: reading data blob size"
            + " \\\"manifest-sha256:71861196\\\" for \\\"e7ec68f5\\\": size is not known\",\"response\":500}";
    private static final String GONE_RACE = "{\"cause\":\"image not known\",\"message\":\"retrieving label for image"
            + " \\\"9d764d1b\\\": you may need to remove the image to resolve the error: fallback error checking whether"
            + " image is a manifest list: reading image \\\"9d764d1b\\\": locating image with ID \\\"9d764d1b\\\": image not"
            + " known\",\"response\":500}";
    private static final String OTHER = "{\"message\":\"write /var/lib/docker: no space left on device\"}";

    private final List<Long> pauses = new ArrayList<>();

    @Test
    void aListThatHitsTheRaceIsAskedAgainAfterAShortPause() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> list = () -> switch (calls.incrementAndGet()) {
            case 1 -> throw new InternalServerErrorException(SIZE_RACE);
            case 2 -> throw new InternalServerErrorException(GONE_RACE);
            default -> "images";
        };
        assertThat(ImageLists.retrying(list, pauses::add)).isEqualTo("images");
        assertThat(calls).hasValue(3);
        assertThat(pauses).containsExactly(20L, 40L);
    }

    @Test
    void theRaceOnEveryAttemptEndsWithTheLastAnswer() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> list = () -> {
            throw new InternalServerErrorException(calls.incrementAndGet() == ImageLists.ATTEMPTS ? GONE_RACE : SIZE_RACE);
        };
        assertThatThrownBy(() -> ImageLists.retrying(list, pauses::add)).hasMessage("Status 500: " + GONE_RACE);
        assertThat(calls).hasValue(5);
        assertThat(pauses).containsExactly(20L, 40L, 80L, 160L);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> list = () -> {
            calls.incrementAndGet();
            throw new InternalServerErrorException(OTHER);
        };
        assertThatThrownBy(() -> ImageLists.retrying(list, pauses::add)).hasMessage("Status 500: " + OTHER);
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInterruptedPauseThrowsTheRaceAndKeepsTheInterrupt() {
        Supplier<String> list = () -> {
            throw new InternalServerErrorException(SIZE_RACE);
        };
        try {
            assertThatThrownBy(() -> ImageLists.retrying(list, millis -> {
                throw new InterruptedException();
            })).hasMessage("Status 500: " + SIZE_RACE);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
