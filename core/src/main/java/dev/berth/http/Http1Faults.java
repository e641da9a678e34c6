package dev.berth.http;

import java.io.IOException;

/**
 * How a reader of HTTP/1.x answers words what can be wrong with one, and the longest header line it accepts: the
 * framing is {@link Http1Head}'s and {@link Http1Body}'s, the words the caller's. These are the words of a plain
 * client, who speaks of "the connection"; a caller who knows whom it asked overrides them. Each method returns the
 * exception to throw. Stateless.
 */
public class Http1Faults {
    /** @return the most bytes a status or header line may have before {@link #lineTooLong()} */
    public int maxLine() {
        return 65536;
    }

    /** @return the failure for a line longer than {@link #maxLine()} */
    public IOException lineTooLong() {
        return new IOException("a header line longer than " + size(maxLine()));
    }

    /**
     * @param bytes a length
     * @return it as a reader would write it: {@code "64 KiB"} for whole kibibytes, else {@code "40 bytes"}
     */
    protected static String size(int bytes) {
        return bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /**
     * @param statusLine the first line of the answer, or null when the connection closed before it
     * @return the failure for an answer that is not HTTP/1.x
     */
    public IOException notHttp(String statusLine) {
        return new IOException(statusLine == null ? "the connection closed before a status line"
                : "not an HTTP/1.x status line: " + statusLine);
    }

    /**
     * @param value the {@code Content-Length} header's value
     * @param e why it does not parse
     * @return the failure to throw (a caller that keeps the parser's own failure throws {@code e} instead)
     */
    public IOException badLength(String value, NumberFormatException e) {
        return new IOException("bad Content-Length: " + value);
    }

    /**
     * @param line the chunk's size line
     * @param e why it does not parse
     * @return the failure to throw (a caller that keeps the parser's own failure throws {@code e} instead)
     */
    public IOException badChunkSize(String line, NumberFormatException e) {
        return new IOException("bad chunk size: " + line);
    }

    /** @return the failure for a connection closed where a chunk's size line was due */
    public IOException closedBeforeChunk() {
        return new IOException("the connection closed inside a chunked body");
    }

    /**
     * @param read the bytes of the chunk read
     * @param size the chunk's size
     * @return the failure for a connection closed inside a chunk
     */
    public IOException closedInsideChunk(long read, long size) {
        return closedInsideBody(read, size);
    }

    /**
     * @param read the bytes of the body read
     * @param length its {@code Content-Length}
     * @return the failure for a connection closed before the end of a sized body
     */
    public IOException closedInsideBody(long read, long length) {
        return new IOException("the connection closed after " + read + " of " + length + " body bytes");
    }

    /**
     * @param limit the most bytes the caller reads
     * @param length the body's {@code Content-Length}, or -1 when it has none
     * @return the failure for a body larger than the limit
     */
    public IOException tooLarge(long limit, long length) {
        return new IOException("the body is larger than " + limit + " bytes"
                + (length >= 0 ? " (Content-Length " + length + ")" : ""));
    }
}
