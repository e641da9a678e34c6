package dev.berth.wait;

import dev.berth.RunningContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready once every exposed port (or the given ports) accepts a TCP connection from this host on its
 * mapped port. No exec inside the container, so it works on images without a shell.
 */
final class PortWait implements WaitStrategy {
    private final List<Integer> ports;

    PortWait(List<Integer> ports) {
        this.ports = List.copyOf(ports);
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        List<Integer> targets = new ArrayList<>(ports.isEmpty() ? container.spec().exposedPorts() : ports);
        if (ports.isEmpty()) {
            targets.addAll(container.spec().fixedPorts().keySet());
        }
        for (int port : targets) {
            String what = "port " + port + " to accept connections on " + container.host();
            Polling.until(container, timeout, what, () -> accepts(container.host(), container.mappedPort(port)));
        }
    }

    static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Wait.forListeningPort" + (ports.isEmpty() ? "()" : ports.toString());
    }
}
