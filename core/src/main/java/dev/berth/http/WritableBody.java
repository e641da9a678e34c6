package dev.berth.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A request body that can write itself into the connection instead of being read: a transport that knows this
 * interface calls {@link #writeTo} once and never reads, sparing the thread and the hand-overs a body produced by
 * a writer and read through a pipe costs. A transport that does not know it reads the body as any stream.
 */
public interface WritableBody {
    /**
     * Writes the whole body and closes {@code out}.
     *
     * @param out the connection's body stream
     * @throws SourceFailure when the body's own source fails: the transport must abandon the request, since the
     *     engine waits for the rest of a body it will never get
     * @throws IOException when {@code out} refuses the bytes (the engine may have answered and closed)
     */
    void writeTo(OutputStream out) throws IOException;

    /** The body's source failed while it was written: the request must be abandoned. */
    final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message the failure, as the caller shows it
         * @param cause what the source threw
         */
        public SourceFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
