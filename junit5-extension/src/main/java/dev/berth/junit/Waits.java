package dev.berth.junit;

import dev.berth.BerthException;
import dev.berth.RunningContainer;
import dev.berth.wait.WaitStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Wait strategies the extension needs until core's {@code Wait} offers them under the same names.
 * They only use the container's published ports on {@code host()}.
 */
final class Waits {
    private static final Duration POLL = Duration.ofMillis(100);

    private Waits() {
    }

    static WaitStrategy forLogMessage(Declaration d, String regex, int times) {
        throw Errors.badWait(d, "log = \"" + regex + "\" (log waits need core's Wait.forLogMessage, not in this build)");
    }

    static WaitStrategy forListeningPort() {
        return (container, timeout) -> poll(container, timeout, "a listening port", Waits::accepts);
    }

    static WaitStrategy forHttp(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return (container, timeout) -> poll(container, timeout, "HTTP 2xx on " + p, c -> answers(c, p));
    }

    private static void poll(RunningContainer c, Duration timeout, String what, Predicate<RunningContainer> ready) {
        if (c.spec().exposedPorts().isEmpty()) {
            throw new BerthException("Cannot wait for " + what + " on " + c.name() + ": it exposes no port. "
                    + "Add ports = {...} or withExposedPorts(...).");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.test(c)) {
            if (System.nanoTime() > deadline) {
                throw new BerthException("Container " + c.name() + " (" + c.spec().image() + ") did not offer " + what
                        + " within " + timeout + ". Raise startupTimeout or check the container's logs.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BerthException("Interrupted while waiting for " + c.name(), e);
            }
        }
    }

    /** A published port proxied by the engine accepts at once; it is live when the peer does not hang up. */
    private static boolean accepts(RunningContainer c) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(c.host(), firstPort(c)), 1000);
            s.setSoTimeout(200);
            try (InputStream in = s.getInputStream()) {
                return in.read() >= 0;
            } catch (SocketTimeoutException stillOpen) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(RunningContainer c, String path) {
        try {
            URL url = new URL("http", c.host(), firstPort(c), path);
            HttpURLConnection http = (HttpURLConnection) url.openConnection();
            http.setConnectTimeout(1000);
            http.setReadTimeout(1000);
            try {
                int code = http.getResponseCode();
                return code >= 200 && code < 300;
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int firstPort(RunningContainer c) {
        return c.mappedPort(c.spec().exposedPorts().get(0));
    }
}
