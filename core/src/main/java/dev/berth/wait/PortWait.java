package dev.berth.wait;

import dev.berth.RunningContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready once every exposed port (or the given ports) accepts a TCP connection from this host on its
 * mapped port. No exec inside the container, so it works on images without a shell.
 */
final class PortWait implements WaitStrategy {
    /** How long an accepted connection must stay open to count. */
    static final Duration PROXY_GRACE = Duration.ofMillis(200);
    /** How long a connect may wait for the peer's answer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final List<Integer> ports;

    PortWait(List<Integer> ports) {
        this.ports = List.copyOf(ports);
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        Polling.checkTimeout(timeout);
        List<Integer> targets = new ArrayList<>(ports.isEmpty() ? container.spec().exposedPorts() : ports);
        if (ports.isEmpty()) {
            targets.addAll(container.spec().fixedPorts().keySet());
        }
        if (targets.isEmpty()) {
            throw new dev.berth.InvalidSpecException("listening port wait of " + container.spec(), "no exposed ports",
                    "a spec with exposed ports, or Wait.forListeningPorts(port…)", "withExposedPorts(8080)");
        }
        for (int port : targets) {
            String what = "port " + port + " to accept connections on " + container.host();
            Polling.until(container, timeout, what, () -> accepts(container.host(), container.mappedPort(port)));
        }
    }

    /**
     * Docker's userland proxy accepts on the host port as soon as the container runs, then closes
     * the connection when nothing listens inside. So a port counts as listening only if, after the
     * connect, the peer keeps the connection open (read times out) or sends data; an immediate
     * end of stream or reset means the proxy found no listener. A connect that is refused or gets no
     * answer in {@link #CONNECT_TIMEOUT} is not listening either: for a moment after a container exits,
     * Podman still forwards its port to the container's address, which no longer answers.
     */
    static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            s.setSoTimeout((int) PROXY_GRACE.toMillis());
            try {
                return s.getInputStream().read() != -1;
            } catch (SocketTimeoutException openAndQuiet) {
                return true;
            }
        } catch (IOException refusedResetOrUnanswered) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Wait.forListeningPort" + (ports.isEmpty() ? "()" : ports.toString());
    }
}
