package dev.berth.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 chunked framing of a request body written into a connection: bytes are gathered into chunks of at most
 * a fixed size (a write of at least that size while nothing is gathered goes out as one chunk, uncopied);
 * {@link #close()} sends what is gathered and the last chunk, and leaves the connection open for the answer. Not
 * thread-safe: one writer.
 */
public final class ChunkedOutput extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buffer;
    private int filled;
    private boolean finished;

    /**
     * @param out the connection
     * @param chunk the largest chunk gathered before it is sent
     */
    public ChunkedOutput(OutputStream out, int chunk) {
        this.out = out;
        this.buffer = new byte[chunk];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("the chunked body is already complete");
        }
        if (filled == 0 && len >= buffer.length) {
            chunk(b, off, len);
            return;
        }
        while (len > 0) {
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == buffer.length) {
                sendGathered();
            }
        }
    }

    /** Sends what is gathered and the last chunk; the connection stays open. Idempotent. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        sendGathered();
        out.write(LAST);
        out.flush();
        finished = true;
    }

    private void sendGathered() throws IOException {
        if (filled > 0) {
            chunk(buffer, 0, filled);
            filled = 0;
        }
    }

    private void chunk(byte[] b, int off, int len) throws IOException {
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write(CRLF);
    }
}
