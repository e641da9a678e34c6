package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.ContainerLogs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a container's log stream from its start into a bounded line buffer, and tells listeners
 * about each line and the end of the stream. The buffer outlives the container.
 */
final class LogCapture implements ContainerLogs {
    private static final Logger LOG = LoggerFactory.getLogger(LogCapture.class);

    private final DockerClient docker;
    private final String containerId;
    private final int capacity;
    private final Object lock = new Object();
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
    private long framesSeen;
    private boolean ended;
    private Stream stream;

    LogCapture(DockerClient docker, String containerId, int capacity) {
        this.docker = docker;
        this.containerId = containerId;
        this.capacity = capacity;
    }

    /** Starts (or, after a restart, resumes) following; frames already seen are skipped. */
    void attach() {
        synchronized (lock) {
            if (stream != null && !ended) {
                return;
            }
            ended = false;
            stream = new Stream(framesSeen);
        }
        docker.logContainerCmd(containerId).withFollowStream(true).withStdOut(true).withStdErr(true)
                .withTailAll().exec(stream);
    }

    /**
     * @param timeout the most time to wait
     * @return true if the stream ended in time (or was never attached)
     */
    boolean awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (stream != null && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops following (the buffer stays). */
    void detach() {
        Stream s;
        synchronized (lock) {
            s = stream;
        }
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing the log stream of {}", containerId, e);
            }
        }
    }

    @Override
    public String all() {
        return String.join("\n", lines());
    }

    @Override
    public List<String> lines() {
        synchronized (lock) {
            return List.copyOf(lines);
        }
    }

    @Override
    public List<String> last(int n) {
        if (n < 0) {
            throw new dev.berth.InvalidSpecException("number of log lines", n, "zero or more", "50");
        }
        synchronized (lock) {
            List<String> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        synchronized (lock) {
            lines.forEach(listener::onLine);
            if (ended) {
                listener.onEnd();
            }
            listeners.add(listener);
        }
        return () -> listeners.remove(listener);
    }

    private void onFrame(Frame frame) {
        synchronized (lock) {
            framesSeen++;
            StreamType type = frame.getStreamType() == StreamType.STDERR ? StreamType.STDERR : StreamType.STDOUT;
            ByteArrayOutputStream buf = partial.computeIfAbsent(type, t -> new ByteArrayOutputStream());
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    emit(buf);
                } else {
                    buf.write(b);
                }
            }
        }
    }

    private void onEnd() {
        synchronized (lock) {
            partial.values().forEach(b -> {
                if (b.size() > 0) {
                    emit(b);
                }
            });
            ended = true;
            listeners.forEach(Listener::onEnd);
            lock.notifyAll();
        }
    }

    private void emit(ByteArrayOutputStream buf) {
        String line = buf.toString(StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        buf.reset();
        lines.addLast(line);
        if (lines.size() > capacity) {
            lines.removeFirst();
        }
        for (Listener l : listeners) {
            try {
                l.onLine(line);
            } catch (RuntimeException e) {
                LOG.warn("A log consumer of container {} failed: {}", containerId, e.toString());
            }
        }
    }

    /** One follow request; skips the frames an earlier request already delivered. */
    private final class Stream extends ResultCallback.Adapter<Frame> {
        private long skip;

        Stream(long skip) {
            this.skip = skip;
        }

        @Override
        public void onNext(Frame frame) {
            if (skip > 0) {
                skip--;
                return;
            }
            onFrame(frame);
        }

        @Override
        public void onError(Throwable error) {
            LOG.debug("log stream of {} ended with an error: {}", containerId, error.toString());
            try {
                close();
            } catch (java.io.IOException e) {
                LOG.debug("closing the log stream of {}", containerId, e);
            } finally {
                LogCapture.this.onEnd();
            }
        }

        @Override
        public void onComplete() {
            super.onComplete();
            LogCapture.this.onEnd();
        }
    }
}
