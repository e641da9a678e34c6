package dev.berth.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * An HTTP/1.x body as its head frames it: chunked (decoded as it is read, the chunks' bytes going straight into
 * the caller's array), {@code Content-Length} bytes, or until the connection closes. Never holds more than the
 * caller's array; fails, in the caller's words, when the connection closes early or the body passes its limit.
 */
final class Http1Body extends InputStream {
    /** The {@code length} of a body without {@code Content-Length} that ends when the connection closes. */
    private static final long UNSIZED = -1;
    /** The {@code length} of a chunked body. */
    private static final long CHUNKED = -2;

    private final InputStream in;
    private final Http1Faults faults;
    /** The {@code Content-Length}, or {@link #UNSIZED} or {@link #CHUNKED}. */
    private final long length;
    private final long limit;
    /** Bytes left in the current chunk or the sized body. */
    private long left;
    private long chunkSize;
    private long delivered;
    private boolean done;

    private Http1Body(InputStream in, Http1Faults faults, long length, long limit) {
        this.in = in;
        this.faults = faults;
        this.length = length;
        this.limit = limit;
        this.left = Math.max(length, 0);
    }

    static Http1Body chunked(InputStream in, Http1Faults faults, long limit) {
        return new Http1Body(in, faults, CHUNKED, limit);
    }

    static Http1Body sized(InputStream in, Http1Faults faults, long length) {
        return new Http1Body(in, faults, length, length);
    }

    static Http1Body untilClose(InputStream in, Http1Faults faults, long limit) {
        return new Http1Body(in, faults, UNSIZED, limit);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (length == UNSIZED) {
            return untilClose(b, off, len);
        }
        if (left == 0 && (length != CHUNKED || !nextChunk())) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw length == CHUNKED ? faults.closedInsideChunk(chunkSize - left, chunkSize)
                    : faults.closedInsideBody(length - left, length);
        }
        left -= n;
        delivered += n;
        if (length == CHUNKED && left == 0) {
            Http1Head.line(in, faults); // the CRLF that ends the chunk
        }
        return n;
    }

    /** Reads one byte past the limit, so that a body larger than it fails rather than ends. */
    private int untilClose(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, limit - delivered < len ? (int) (limit - delivered) + 1 : len);
        if (n > 0) {
            delivered += n;
            if (delivered > limit) {
                throw faults.tooLarge(limit, UNSIZED);
            }
        }
        return n;
    }

    /** @return whether a chunk with data follows; false after the last (empty) chunk, its trailers unread */
    private boolean nextChunk() throws IOException {
        if (done) {
            return false;
        }
        String line = Http1Head.line(in, faults);
        if (line == null) {
            throw faults.closedBeforeChunk();
        }
        int semicolon = line.indexOf(';');
        try {
            chunkSize = Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw faults.badChunkSize(line, e);
        }
        if (chunkSize == 0) {
            done = true;
            return false;
        }
        if (chunkSize > limit - delivered) {
            throw faults.tooLarge(limit, UNSIZED);
        }
        left = chunkSize;
        return true;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : (int) Math.min(in.available(), length != UNSIZED ? left : limit - delivered);
    }
}
