package dev.berth.modules.redis;

import dev.berth.RunningContainer;
import dev.berth.modules.ProtocolWait;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Readiness of Redis: {@code AUTH} (with a password) and {@code PING} over RESP; ready on {@code +PONG}. */
final class RedisPing implements ProtocolWait.Probe {
    private final String password;

    RedisPing(String password) {
        this.password = password;
    }

    @Override
    public void probe(RunningContainer container) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(container.host(), container.mappedPort(RedisSpec.PORT)), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (password != null) {
                out.write(command("AUTH", password));
                out.flush();
                String reply = line(in);
                if (!reply.equals("+OK")) {
                    throw new ProtocolWait.Rejected("Redis refused the password: " + reply
                            + ". Check withPassword(…) against the server's requirepass", null);
                }
            }
            out.write(command("PING"));
            out.flush();
            String reply = line(in);
            if (reply.startsWith("-NOAUTH")) {
                throw new ProtocolWait.Rejected("Redis requires a password (" + reply + "); set it with withPassword(…)", null);
            }
            if (!reply.equals("+PONG")) {
                throw new IOException("PING answered " + reply);
            }
        }
    }

    private static String line(BufferedReader in) throws IOException {
        String reply = in.readLine();
        if (reply == null) {
            throw new IOException("connection closed before a reply");
        }
        return reply;
    }

    static byte[] command(String... args) {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
