package dev.berth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The workload every scenario starts: the busybox fixture serving {@code /www} with httpd. */
public final class Fixture {
    /** The fixture image, in its loopback-registry form (present locally: nothing is pulled). */
    public static final String IMAGE = "localhost:5000/berth-fixtures/busybox:1";
    /** httpd in the foreground on port 8080, serving the fixture's /www/index.html. */
    public static final List<String> COMMAND = List.of("httpd", "-f", "-p", "8080", "-h", "/www");
    /** The container port httpd listens on. */
    public static final int PORT = 8080;
    /** Label put on every container the bench creates outside Berth, for the final sweep. */
    public static final String LABEL = "dev.berth.bench";
    /** Every wait in the bench polls this often. */
    public static final Duration POLL = Duration.ofMillis(5);
    /** The most any single container may take to answer. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private Fixture() {
    }

    /**
     * Polls {@code GET /} every 5 ms until the server answers with a status line. A bare TCP connect
     * is not enough: docker-proxy accepts connections on the host port before httpd listens.
     *
     * @param host where the port is published (127.0.0.1)
     * @param port the published host port
     * @param timeout the most time to wait
     * @throws IllegalStateException if nothing answered in time
     */
    public static void awaitHttp(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try {
                if (httpGetAnswers(host, port)) {
                    return;
                }
                last = "connection closed without a status line";
            } catch (IOException e) {
                last = e.toString();
            }
            sleep(POLL);
        }
        throw new IllegalStateException("GET http://" + host + ":" + port + "/ did not answer within "
                + timeout + "; last attempt: " + last);
    }

    private static boolean httpGetAnswers(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.") && head.length == 12
                    && head[9] == '2';
        }
    }

    /** @param d how long to sleep; interruption is restored and turned into an exception */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
