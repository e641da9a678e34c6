package dev.berth.image;

import com.github.dockerjava.api.model.ResponseItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Per-layer progress of one pull or load, rendered as one line listing every layer's state and
 * emitted at most once per interval (plus once at the end). Not thread-safe: one per operation.
 */
final class ProgressLog {
    private final String action;
    private final String image;
    private final Consumer<String> sink;
    private final LongSupplier clockMillis;
    private final long intervalMillis;
    private final Map<String, String> layers = new LinkedHashMap<>();
    private long lastEmit;

    /**
     * @param action e.g. {@code "Pulling"}
     * @param image what is being pulled or loaded
     * @param sink receives each rendered line (an SLF4J logger method in production)
     * @param clockMillis a millisecond clock
     * @param intervalMillis the minimum time between two lines
     */
    ProgressLog(String action, String image, Consumer<String> sink, LongSupplier clockMillis, long intervalMillis) {
        this.action = action;
        this.image = image;
        this.sink = sink;
        this.clockMillis = clockMillis;
        this.intervalMillis = intervalMillis;
        this.lastEmit = clockMillis.getAsLong();
    }

    /** @param item one message of the engine's progress stream */
    void onItem(ResponseItem item) {
        String id = item.getId();
        String status = item.getStatus();
        if (id == null || status == null || status.startsWith("Pulling from")) {
            return;
        }
        ResponseItem.ProgressDetail detail = item.getProgressDetail();
        Long current = detail == null ? null : detail.getCurrent();
        Long total = detail == null ? null : detail.getTotal();
        update(id, status, current == null ? -1 : current, total == null ? -1 : total);
    }

    /**
     * Records a layer's state and emits a line if the interval has passed.
     *
     * @param layer the layer id
     * @param status e.g. {@code "Downloading"}
     * @param current bytes done, or -1
     * @param total bytes in all, or -1
     */
    void update(String layer, String status, long current, long total) {
        String shown = status;
        if (current >= 0 && total > 0) {
            shown += " " + mb(current) + "/" + mb(total) + " MB";
        }
        layers.put(shorten(layer), shown);
        long now = clockMillis.getAsLong();
        if (now - lastEmit >= intervalMillis) {
            lastEmit = now;
            sink.accept(render());
        }
    }

    /** Emits the final line. */
    void done() {
        sink.accept(render(true));
    }

    /** @return the current line, e.g. {@code "Pulling x:1: 2 layer(s) [a1b2c3d4e5f6 Download complete, ...]"} */
    String render() {
        return render(false);
    }

    private String render(boolean done) {
        StringJoiner j = new StringJoiner(", ", " [", "]").setEmptyValue("");
        layers.forEach((layer, state) -> j.add(layer + " " + state));
        return action + " " + image + ": " + (done ? "done, " : "") + layers.size() + " layer(s)" + j;
    }

    private static String shorten(String layer) {
        String s = layer.startsWith("sha256:") ? layer.substring(7) : layer;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
