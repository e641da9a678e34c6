package dev.berth.image;

import dev.berth.engine.EngineErrors;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Collects a progress stream (pull, load) and its first error, without docker-java's own
 * ERROR-level logging of expected failures such as an unknown tag.
 *
 * @param <T> the stream's item type
 */
final class StreamCallback<T extends ResponseItem> implements ResultCallback<T> {
    private final Consumer<T> onItem;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile String error;

    StreamCallback(Consumer<T> onItem) {
        this.onItem = onItem;
    }

    @Override
    public void onStart(Closeable closeable) {
        stream = closeable;
    }

    @Override
    public void onNext(T item) {
        if (item.isErrorIndicated() && error == null) {
            ResponseItem.ErrorDetail detail = item.getErrorDetail();
            error = detail != null && detail.getMessage() != null ? detail.getMessage() : "the engine reported an error";
        }
        onItem.accept(item);
    }

    @Override
    public void onError(Throwable throwable) {
        if (error == null) {
            error = EngineErrors.message(throwable);
        }
        finished.countDown();
        closeQuietly();
    }

    @Override
    public void onComplete() {
        finished.countDown();
        closeQuietly();
    }

    @Override
    public void close() {
        finished.countDown();
        closeQuietly();
    }

    /**
     * Waits for the end of the stream.
     *
     * @return the first error the engine reported, or null when it succeeded
     * @throws InterruptedException if interrupted while waiting
     */
    String await() throws InterruptedException {
        finished.await();
        return error == null ? null : error.trim();
    }

    /**
     * @param timeout the most to wait
     * @return whether the stream ended in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void closeQuietly() {
        Closeable s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the stream is done either way
            }
        }
    }
}
