package dev.berth.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.x answer (status line and headers), read off the connection; its body is framed from what
 * the head says ({@code Transfer-Encoding: chunked}, {@code Content-Length}, or until the connection closes) and
 * read as the caller asks, never held in memory. Used by the engine's bulk transport and the readiness GET.
 */
public final class Http1Head {
    private final int status;
    private final Map<String, List<String>> headers;
    private final long length;
    private final boolean chunked;
    private final Http1Faults faults;

    private Http1Head(int status, Map<String, List<String>> headers, long length, boolean chunked,
                      Http1Faults faults) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(headers);
        this.length = length;
        this.chunked = chunked;
        this.faults = faults;
    }

    /**
     * @param in the connection's input, positioned at the status line; left at the body's first byte
     * @param faults how the caller words an answer that is not HTTP/1.x or is cut short
     * @return the head
     * @throws IOException when the answer is not HTTP/1.x or the connection fails
     */
    public static Http1Head read(InputStream in, Http1Faults faults) throws IOException {
        String statusLine = line(in, faults);
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw faults.notHttp(statusLine);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        long length = -1;
        boolean chunked = false;
        for (String h = line(in, faults); h != null && !h.isEmpty(); h = line(in, faults)) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            switch (name.toLowerCase(Locale.ROOT)) {
                case "content-length" -> length = length(value, faults);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> {
                    // passed on as they came
                }
            }
        }
        return new Http1Head(Integer.parseInt(parts[1]), headers, length, chunked, faults);
    }

    private static long length(String value, Http1Faults faults) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw faults.badLength(value, e);
        }
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the headers as they came, each name (in its sent case) with its values in order; unmodifiable */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, in any case
     * @return its values, in the order sent (all headers spelling the name in any case); empty when absent
     */
    public List<String> header(String name) {
        List<String> values = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                values.addAll(v);
            }
        });
        return values;
    }

    /**
     * @param in the connection's input, as {@link #read} left it
     * @param toHead whether the request was a {@code HEAD}, whose answer has no body
     * @param limit the most body bytes to read: a body that is larger fails ({@link Http1Faults#tooLarge}), when
     *     its {@code Content-Length} says so before anything is read; {@code Long.MAX_VALUE} for no limit
     * @return the body, decoded as it is read; it ends where the answer's framing says
     * @throws IOException when the body's {@code Content-Length} is over the limit
     */
    public InputStream body(InputStream in, boolean toHead, long limit) throws IOException {
        if (toHead || status == 204 || status == 304 || status / 100 == 1) {
            return InputStream.nullInputStream();
        }
        if (chunked) {
            return Http1Body.chunked(in, faults, limit);
        }
        if (length >= 0) {
            if (length > limit) {
                throw faults.tooLarge(limit, length);
            }
            return Http1Body.sized(in, faults, length);
        }
        return limit == Long.MAX_VALUE ? in : Http1Body.untilClose(in, faults, limit);
    }

    /**
     * @param in where to read
     * @param faults the longest line accepted, and the failure for a longer one
     * @return one line (ISO-8859-1) without its LF and a CR before it; null at the end of the stream
     * @throws IOException when the line is too long or the read fails
     */
    public static String line(InputStream in, Http1Faults faults) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() > faults.maxLine()) {
                throw faults.lineTooLong();
            }
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
