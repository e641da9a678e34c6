package dev.berth.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the listening-port probe counts as listening, against sockets on 127.0.0.1 the test owns. No engine needed. */
class PortWaitTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aConnectionKeptOpenCountsAsListening() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            assertThat(PortWait.accepts("127.0.0.1", server.getLocalPort())).isTrue();
        }
    }

    @Test
    void aConnectionClosedAtOnceAsDockersProxyDoesWithoutAListenerDoesNotCount() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            Thread proxy = new Thread(() -> {
                try (Socket accepted = server.accept()) {
                    // closes at once, as docker-proxy does when nothing listens in the container
                } catch (Exception ignored) {
                    // the test ends the server
                }
            });
            proxy.start();
            assertThat(PortWait.accepts("127.0.0.1", server.getLocalPort())).isFalse();
            proxy.join(5000);
        }
    }

    @Test
    void aRefusedConnectDoesNotCount() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 50, LOOPBACK)) {
            port = closed.getLocalPort();
        }
        assertThat(PortWait.accepts("127.0.0.1", port)).isFalse();
    }

    @Test
    void aConnectThatGetsNoAnswerDoesNotCount() throws Exception {
        // Podman, just after a container exits, still forwards its port to an address that no longer answers: the
        // connect times out. A listener whose accept queue is full drops the SYN the same way.
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> queued = new ArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 16 && !full; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(new InetSocketAddress(LOOPBACK, server.getLocalPort()), 300);
                    } catch (SocketTimeoutException unanswered) {
                        full = true;
                    }
                }
                assertThat(full).as("the accept queue fills up").isTrue();
                assertThat(PortWait.accepts("127.0.0.1", server.getLocalPort())).isFalse();
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }
}
