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
 * A container's log lines in a bounded buffer that outlives the container. The log stream is followed (one
 * {@code docker-java-stream} thread) only while it is wanted: during the start and its wait ({@link #hold()}
 * to {@link #release()}) and while a listener is subscribed. Otherwise the buffer is brought up to date on
 * demand by one non-follow read when it is asked for, and once more before the container is removed
 * ({@link #finish()}). Frames are counted, so each read and each resumed stream skips what was already seen.
 */
final class LogCapture implements ContainerLogs {
    private static final Logger LOG = LoggerFactory.getLogger(LogCapture.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final String containerId;
    private final int capacity;
    private final Object lock = new Object();
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
    private long framesSeen;
    private boolean held;
    private boolean ended;
    private boolean gone;
    private Stream stream;

    LogCapture(DockerClient docker, String containerId, int capacity) {
        this.docker = docker;
        this.containerId = containerId;
        this.capacity = capacity;
    }

    /** Follows the stream until {@link #release()}: the container is starting and its wait may listen. */
    void hold() {
        synchronized (lock) {
            held = true;
        }
        follow();
    }

    /** The start is over: stops following unless a listener still wants the stream (the lines stay). */
    void release() {
        synchronized (lock) {
            held = false;
            if (!listeners.isEmpty()) {
                return;
            }
        }
        detach();
    }

    /** After a restart: resumes following if it is wanted; else the next read catches up. */
    void restarted() {
        awaitEnd(Duration.ofSeconds(5)); // the stop ended the old stream; its last frames are in
        synchronized (lock) {
            ended = false;
            if (!held && listeners.isEmpty()) {
                return;
            }
        }
        follow();
    }

    /** Reads what is left before the container is removed (a followed stream gets it anyway). */
    void finish() {
        catchUp();
    }

    /**
     * After a removal: waits briefly for a followed stream's end (its last lines), then stops following.
     *
     * @param removed whether the container is gone (else a later read may still find it)
     */
    void removed(boolean removed) {
        awaitEnd(Duration.ofSeconds(2));
        synchronized (lock) {
            gone = removed;
        }
        detach();
    }

    /**
     * @param timeout the most time to wait
     * @return true if no stream is followed any more (it ended, was stopped, or none was attached)
     */
    boolean awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (stream != null) {
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

    @Override
    public String all() {
        return String.join("\n", lines());
    }

    @Override
    public List<String> lines() {
        catchUp();
        synchronized (lock) {
            List<String> all = new ArrayList<>(lines);
            partial.values().forEach(b -> { // a last line without its newline (yet)
                if (b.size() > 0) {
                    all.add(b.toString(StandardCharsets.UTF_8));
                }
            });
            return List.copyOf(all);
        }
    }

    @Override
    public List<String> last(int n) {
        if (n < 0) {
            throw new dev.berth.InvalidSpecException("number of log lines", n, "zero or more", "50");
        }
        List<String> all = lines();
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    @Override
    public Subscription subscribe(Listener listener) {
        boolean start;
        synchronized (lock) {
            lines.forEach(listener::onLine);
            if (ended || gone) {
                listener.onEnd();
            }
            listeners.add(listener);
            start = !ended && !gone && stream == null;
        }
        if (start) {
            follow(); // resumes after the frames already seen: the lines missed meanwhile arrive first
        }
        return () -> {
            synchronized (lock) {
                if (!listeners.remove(listener) || held || !listeners.isEmpty()) {
                    return;
                }
            }
            detach();
        };
    }

    private void follow() {
        Stream s;
        synchronized (lock) {
            if (stream != null || gone) {
                return;
            }
            s = new Stream(framesSeen);
            stream = s;
        }
        docker.logContainerCmd(containerId).withFollowStream(true).withStdOut(true).withStdErr(true)
                .withTailAll().exec(s);
    }

    /** Stops following; the stream's own end, which follows, is ignored (the container did not stop). */
    private void detach() {
        Stream s;
        synchronized (lock) {
            s = stream;
            stream = null;
            lock.notifyAll();
        }
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing the log stream of {}", containerId, e);
            }
        }
    }

    /** Brings the buffer up to date with one non-follow read, unless a followed stream does so already. */
    private void catchUp() {
        long from;
        synchronized (lock) {
            if (stream != null || ended || gone) {
                return;
            }
            from = framesSeen;
        }
        LogRead read = LogRead.after(docker, containerId, from, READ_TIMEOUT);
        if (read.containerGone()) {
            synchronized (lock) {
                gone = true;
            }
        }
        synchronized (lock) {
            if (stream != null) {
                return; // a stream attached meanwhile delivers these frames itself
            }
            List<Frame> frames = read.frames();
            for (int i = 0; i < frames.size(); i++) {
                if (from + i >= framesSeen) {
                    onFrame(frames.get(i));
                }
            }
        }
    }

    private void onFrame(Frame frame) {
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

    /** The followed stream ended by itself: the container stopped (or its logs cannot be read). */
    private void onEnd(Stream s) {
        synchronized (lock) {
            if (s != stream) {
                return;
            }
            stream = null;
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

    /** One follow request; skips the frames earlier requests already delivered. */
    private final class Stream extends ResultCallback.Adapter<Frame> {
        private long skip;

        Stream(long skip) {
            this.skip = skip;
        }

        @Override
        public void onStart(java.io.Closeable response) {
            super.onStart(response); // forgets an earlier close(): a stream stopped before it was answered
            boolean stopped;
            synchronized (lock) {
                stopped = this != stream;
            }
            if (stopped) { // would follow on forever, holding its thread
                try {
                    close();
                } catch (java.io.IOException e) {
                    LOG.debug("closing the log stream of {}", containerId, e);
                }
            }
        }

        @Override
        public void onNext(Frame frame) {
            synchronized (lock) {
                if (this != stream) {
                    return; // stopped, or replaced
                }
                if (skip > 0) {
                    skip--;
                    return;
                }
                onFrame(frame);
            }
        }

        @Override
        public void onError(Throwable error) {
            LOG.debug("log stream of {} ended with an error: {}", containerId, error.toString());
            try {
                close();
            } catch (java.io.IOException e) {
                LOG.debug("closing the log stream of {}", containerId, e);
            } finally {
                onEnd(this);
            }
        }

        @Override
        public void onComplete() {
            super.onComplete();
            onEnd(this);
        }
    }
}
