package dev.berth.wait;

import dev.berth.InvalidSpecException;
import dev.berth.RunningContainer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Ready once an HTTP(S) GET of a path on a mapped port answers with an accepted status and body.
 * Immutable: each {@code for…}/{@code using…} method returns a changed copy.
 *
 * <pre>{@code
 * Wait.forHttp("/health").forPort(8080).forStatusCode(200).forResponsePredicate(b -> b.contains("UP"))
 * }</pre>
 */
public final class HttpWait implements WaitStrategy {
    private final String path;
    private final Integer port;
    private final IntPredicate status;
    private final Predicate<String> body;
    private final boolean tls;

    private HttpWait(String path, Integer port, IntPredicate status, Predicate<String> body, boolean tls) {
        this.path = path;
        this.port = port;
        this.status = status;
        this.body = body;
        this.tls = tls;
    }

    static HttpWait of(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new InvalidSpecException("HTTP wait path", String.valueOf(path), "a path starting with '/'",
                    "\"/health\"");
        }
        return new HttpWait(path, null, s -> s >= 200 && s < 300, b -> true, false);
    }

    /**
     * @param containerPort the exposed container port to call (default: the first exposed port)
     * @return the changed copy
     */
    public HttpWait forPort(int containerPort) {
        if (containerPort < 1 || containerPort > 65535) {
            throw new InvalidSpecException("HTTP wait port", containerPort, "1 to 65535", "8080");
        }
        return new HttpWait(path, containerPort, status, body, tls);
    }

    /**
     * @param code the only accepted status (default: any 2xx)
     * @return the changed copy
     */
    public HttpWait forStatusCode(int code) {
        return new HttpWait(path, port, s -> s == code, body, tls);
    }

    /**
     * @param accepted which statuses count as ready
     * @return the changed copy
     */
    public HttpWait forStatusCodeMatching(IntPredicate accepted) {
        return new HttpWait(path, port, accepted, body, tls);
    }

    /**
     * @param accepted which response bodies count as ready
     * @return the changed copy
     */
    public HttpWait forResponsePredicate(Predicate<String> accepted) {
        return new HttpWait(path, port, status, accepted, tls);
    }

    /**
     * Uses HTTPS; the server's certificate is not verified (it is a test container on this host).
     *
     * @return the changed copy
     */
    public HttpWait usingTls() {
        return new HttpWait(path, port, status, body, true);
    }

    @Override
    public void waitUntilReady(RunningContainer container, Duration timeout) {
        int target = port != null ? port : firstPort(container);
        HttpClient client = tls ? client() : null; // plain HTTP needs no HttpClient (see HttpGet)
        String what = "HTTP" + (tls ? "S" : "") + " GET " + path + " on port " + target + " to be accepted";
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        Polling.until(container, timeout, what, () -> {
            try {
                int code;
                String answer;
                if (tls) {
                    URI uri = URI.create("https://" + container.host() + ":" + container.mappedPort(target) + path);
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    code = r.statusCode();
                    answer = r.body();
                } else {
                    HttpGet.Response r = HttpGet.get(container.host(), container.mappedPort(target), path,
                            Duration.ofSeconds(1), Duration.ofSeconds(2));
                    code = r.status();
                    answer = r.body();
                }
                last.set("status " + code);
                return status.test(code) && body.test(answer);
            } catch (IOException e) {
                last.set(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                return false;
            }
        }, last::get);
    }

    private static int firstPort(RunningContainer container) {
        if (!container.spec().exposedPorts().isEmpty()) {
            return container.spec().exposedPorts().get(0);
        }
        return container.spec().fixedPorts().keySet().stream().findFirst().orElseThrow(() ->
                new InvalidSpecException("HTTP wait port", "none", "an exposed port, or forPort(…)",
                        "withExposedPorts(8080)"));
    }

    private static HttpClient client() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).sslContext(ctx).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Wait.forHttp(" + path + ")" + (tls ? ".usingTls()" : "");
    }

    /**
     * Accepts any certificate and host name: only used to probe a test container's readiness. Being an
     * {@link X509ExtendedTrustManager}, JSSE does not add its own host name check around it.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
