package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One non-follow read of a container's whole log (stdout and stderr), keeping the frames after the first few. */
final class LogRead extends ResultCallback.Adapter<Frame> {
    private static final Logger LOG = LoggerFactory.getLogger(LogRead.class);
    private final List<Frame> frames = new ArrayList<>();
    private long skip;
    private volatile Throwable error;

    private LogRead(long skip) {
        this.skip = skip;
    }

    /**
     * Reads the log; a failure is logged at debug level and leaves what arrived (possibly nothing).
     *
     * @param docker the engine
     * @param containerId the container
     * @param skip how many frames from the start to drop (already seen)
     * @param timeout the most time the read may take
     * @return the finished read
     */
    static LogRead after(DockerClient docker, String containerId, long skip, Duration timeout) {
        LogRead read = new LogRead(skip);
        try (LogRead running = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTailAll()
                .exec(read)) {
            if (!running.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("reading the logs of {} took over {} ms; kept what arrived", containerId, timeout.toMillis());
            }
        } catch (RuntimeException e) {
            read.error = e;
        } catch (java.io.IOException e) {
            LOG.debug("closing the log read of {}", containerId, e); // the frames are complete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (read.error != null && !read.containerGone()) {
            LOG.debug("reading the logs of {} failed: {}", containerId, read.error.toString());
        }
        return read;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        if (skip > 0) {
            skip--;
        } else {
            frames.add(frame);
        }
    }

    @Override
    public void onError(Throwable t) {
        error = t; // reported by the caller (at debug level): the adapter would log it as an error
        onComplete();
    }

    /** @return whether the engine no longer knows the container */
    boolean containerGone() {
        return error instanceof NotFoundException;
    }

    /** @return the frames after the skipped ones, in order */
    synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }
}
