package dev.berth;

import java.util.List;
import java.util.function.Consumer;

/**
 * The log lines of a container (stdout and stderr interleaved as they arrived), captured
 * continuously from its start into a bounded buffer (the newest {@value #CAPACITY} lines). They stay
 * available after the container stopped, failed to start or was removed.
 */
public interface ContainerLogs {
    /** The most lines kept; older lines are dropped first. */
    int CAPACITY = 10_000;

    /** @return every line kept so far, joined with {@code \n} */
    String all();

    /** @return every line kept so far */
    List<String> lines();

    /**
     * @param n how many lines; zero or positive
     * @return the last {@code n} lines (fewer if fewer were captured)
     */
    List<String> last(int n);

    /**
     * Sends every line kept so far, then each new line as it arrives, to a consumer.
     *
     * @param consumer receives lines on the capture thread; keep it quick
     * @return a subscription; close it to stop receiving lines
     */
    default Subscription follow(Consumer<String> consumer) {
        return subscribe(new Listener() {
            @Override
            public void onLine(String line) {
                consumer.accept(line);
            }
        });
    }

    /**
     * Like {@link #follow(Consumer)}, also told when the stream ends (the container stopped).
     *
     * @param listener receives lines and the end of the stream on the capture thread
     * @return a subscription; close it to stop receiving events
     */
    Subscription subscribe(Listener listener);

    /** Receives captured log events. */
    interface Listener {
        /** @param line one log line, without its line terminator */
        void onLine(String line);

        /** The stream ended: the container stopped (it may be restarted, which resumes the stream). */
        default void onEnd() {
        }
    }

    /** A registration made by {@link #follow} or {@link #subscribe}; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
