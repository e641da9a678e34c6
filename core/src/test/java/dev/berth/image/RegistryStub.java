package dev.berth.image;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry stand-in on 127.0.0.1 that demands Basic authentication and records the
 * Authorization headers it receives. Plain HTTP, one request per connection. A TLS ClientHello
 * (the engine tries HTTPS first) is answered by closing the connection at once, so the engine
 * falls back to HTTP without waiting for its 10 s handshake timeout.
 */
final class RegistryStub implements AutoCloseable {
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread acceptor;

    RegistryStub() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "registry-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return {@code 127.0.0.1:port} */
    String host() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(5000);
                answer(socket);
            } catch (IOException e) {
                // closed by close(), or a client that went away: take the next one
            }
        }
    }

    private void answer(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        in.mark(1);
        if (in.read() == 0x16) {
            return; // TLS handshake: refuse by closing
        }
        in.reset();
        String requestLine = readLine(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String[] parts = requestLine.split(" ");
        String method = parts[0];
        String path = parts.length > 1 ? parts[1] : "/";
        String auth = headers.get("authorization");
        int status;
        String body;
        String extra = "";
        if (auth == null) {
            status = 401;
            extra = "WWW-Authenticate: Basic realm=\"berth-test\"\r\n";
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";
        } else {
            authorizations.add(auth);
            status = path.equals("/v2/") ? 200 : 404;
            body = status == 200 ? "{}" : "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : status == 401 ? " Unauthorized" : " Not Found")
                + "\r\nDocker-Distribution-API-Version: registry/2.0\r\nContent-Type: application/json\r\n" + extra
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!method.equals("HEAD")) {
            out.write(bytes);
        }
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
