package dev.berth.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port on 127.0.0.1 that stays the same while the container behind it is replaced: every accepted
 * connection is piped to the current backend, and {@link #switchTo} closes the connections to the old one,
 * so a connection pool created against this port reconnects to the restored copy. Owned by the context's
 * {@link BerthServices}; {@link #close()} stops it.
 */
final class StableEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile InetSocketAddress backend;

    /**
     * @param name thread names' suffix
     * @param backend where connections go until {@link #switchTo}
     * @throws IOException when no loopback port can be bound
     */
    StableEndpoint(String name, InetSocketAddress backend) throws IOException {
        this.backend = backend;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "berth-endpoint-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the loopback port clients use */
    int port() {
        return server.getLocalPort();
    }

    /** @return the loopback host clients use */
    String host() {
        return server.getInetAddress().getHostAddress();
    }

    /**
     * Sends new connections to another backend and closes every connection to the previous one.
     *
     * @param next the restored copy's published address
     */
    void switchTo(InetSocketAddress next) {
        backend = next;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(backend, 10_000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "berth-endpoint-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Stops accepting and closes every connection. Idempotent. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        switchTo(backend);
    }
}
