package dev.berth.report;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.berth.BerthException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches the last lines with {@code docker logs --tail N} (stdout and stderr, no timestamps). Works
 * only while the container exists.
 */
final class DockerLogTail implements LogTail {
    private final DockerClient docker;
    private final Duration timeout;

    /**
     * @param docker the engine client
     * @param timeout the most time one fetch may take
     */
    public DockerLogTail(DockerClient docker, Duration timeout) {
        this.docker = docker;
        this.timeout = timeout;
    }

    @Override
    public List<String> last(String containerId, int lines) {
        if (lines == 0) {
            return List.of();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicReference<Throwable> error = new AtomicReference<>();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (bytes) {
                    bytes.writeBytes(frame.getPayload());
                }
            }

            @Override
            public void onError(Throwable t) {
                error.set(t); // rethrown below; the caller reports it, no need to log it too
                onComplete();
            }
        };
        try (ResultCallback.Adapter<Frame> running = docker.logContainerCmd(containerId).withStdOut(true)
                .withStdErr(true).withTimestamps(false).withTail(lines).exec(callback)) {
            if (!running.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BerthException("timed out after " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted");
        } catch (java.io.IOException e) {
            // closing the finished stream failed: the lines are complete
        }
        if (error.get() instanceof RuntimeException e) {
            throw e;
        } else if (error.get() != null) {
            throw new BerthException(error.get().toString(), error.get());
        }
        String text;
        synchronized (bytes) {
            text = bytes.toString(StandardCharsets.UTF_8);
        }
        return lastLines(text, lines);
    }

    static List<String> lastLines(String text, int max) {
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return List.copyOf(out.subList(Math.max(0, out.size() - max), out.size()));
    }
}
