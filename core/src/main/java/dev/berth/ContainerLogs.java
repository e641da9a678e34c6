package dev.berth;

import java.util.List;
import java.util.function.Consumer;

/**
 * The log lines of a container (stdout and stderr interleaved as they arrived) in a bounded buffer (the
 * newest {@value #CAPACITY} lines). They stay available after the container stopped, failed to start or
 * was removed by its handle.
 *
 * <p>A live handle holds no thread: the log stream is followed during the start (until the container is
 * ready) and while a {@link #follow} or {@link #subscribe} subscription is open; otherwise {@link #all()},
 * {@link #lines()} and {@link #last(int)} read the log from the engine on demand (one call each, adding the
 * lines not seen yet), and closing the handle reads it once more before the removal.
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
     * Sends every line kept so far, then each new line as it arrives, to a consumer. Follows the log
     * stream (one thread) until the last open subscription is closed.
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

        /**
         * The stream ended: the container stopped, or its logs cannot be read (it may be restarted, which
         * resumes the stream).
         */
        default void onEnd() {
        }
    }

    /** A registration made by {@link #follow} or {@link #subscribe}; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
