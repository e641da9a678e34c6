package dev.berth.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.EngineUnavailableException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every engine call a deadline that fits it, on every transport. The request is sent and its answer
 * awaited on a small pool of daemon threads, so the caller returns at the deadline even over a unix socket
 * (whose reads ignore socket timeouts); the abandoned call is interrupted, which closes a unix socket.
 * Quick calls are bounded from request to the end of their answer; streams (log follow, exec, attach, events,
 * wait, stats) until the engine starts answering, then as long as their caller reads; calls that move images
 * or file trees get the long-call timeout; the engine's info and version at least 30 s. A caller's {@link CallDeadline} shortens any of these. A call that
 * gets no answer in time, or whose connection fails, throws {@link EngineUnavailableException} naming the
 * endpoint and the call.
 */
final class BoundedHttpClient implements DockerHttpClient {
    static final String HINT = "Check that the engine runs and answers (docker -H %s info). Bounds: "
            + EngineTimeouts.CALL_PROPERTY + " / BERTH_ENGINE_CALL_TIMEOUT (quick calls), "
            + EngineTimeouts.LONG_CALL_PROPERTY + " / BERTH_ENGINE_LONG_CALL_TIMEOUT (pull, build, load, save,"
            + " commit, copy), a container's startup timeout and an exec's timeout.";
    private static final Pattern VERSION = Pattern.compile("^/v\\d+(\\.\\d+)*");
    private static final Pattern STREAM = Pattern.compile(
            "^(/containers/[^/]+/(logs|attach|wait|stats)|/exec/[^/]+/start|/events)$");
    private static final Pattern LONG = Pattern.compile("^(/images/create|/images/.+/(push|get)|/images/get"
            + "|/images/load|/build|/commit|/containers/[^/]+/(archive|export)"
            + "|/(images|containers|volumes|networks|build)/prune|/libpod/containers/[^/]+/healthcheck)$");
    private static final Pattern DESCRIBE = Pattern.compile("^/(info|version)$");
    private static final Duration DESCRIBE_AT_LEAST = Duration.ofSeconds(30);
    private static final Pattern GRACE = Pattern.compile("^/containers/[^/]+/(stop|restart)$");
    private static final Pattern GRACE_SECONDS = Pattern.compile("(?:^|&)t=(\\d+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** How a call is bounded. */
    enum Kind { QUICK, STREAM, LONG }

    private final String dockerHost;
    private final EngineTimeouts timeouts;
    private final DockerHttpClient quick;
    private final DockerHttpClient unbounded;
    private final DockerHttpClient bulk;
    private final ExecutorService calls;
    private final ScheduledExecutorService watchdog;

    /**
     * @param dockerHost the endpoint, for errors
     * @param timeouts the bounds
     * @param quick the transport for quick calls (its own read timeout ends abandoned TCP reads)
     * @param unbounded the transport for streams and long calls (no read timeout)
     */
    BoundedHttpClient(String dockerHost, EngineTimeouts timeouts, DockerHttpClient quick,
                      DockerHttpClient unbounded) {
        this(dockerHost, timeouts, quick, unbounded, null);
    }

    /**
     * @param dockerHost the endpoint, for errors
     * @param timeouts the bounds
     * @param quick the transport for quick calls (its own read timeout ends abandoned TCP reads)
     * @param unbounded the transport for streams and long calls (no read timeout)
     * @param bulk the transport for the long calls that move image or file-tree bytes ({@link BulkHttpClient}),
     *     or null to use {@code unbounded} for them too
     */
    BoundedHttpClient(String dockerHost, EngineTimeouts timeouts, DockerHttpClient quick,
                      DockerHttpClient unbounded, DockerHttpClient bulk) {
        this.dockerHost = dockerHost;
        this.timeouts = timeouts;
        this.quick = quick;
        this.unbounded = unbounded;
        this.bulk = bulk;
        int n = CLIENTS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> daemon(r, "berth-engine-" + n + "-call-"
                + threads.incrementAndGet()));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "berth-engine-" + n + "-watchdog"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A call: its kind, what to call it in errors, and its own timeout. */
    record Call(Kind kind, String name, Duration timeout, String timeoutName) {
    }

    /** @return the request's path without its {@code /v1.xx} prefix and query, decoded */
    static String versionlessPath(Request request) {
        String full = request.path();
        int q = full.indexOf('?');
        return java.net.URLDecoder.decode(VERSION.matcher(q < 0 ? full : full.substring(0, q)).replaceFirst("")
                .replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    Call classify(Request request) {
        String full = request.path();
        int q = full.indexOf('?');
        String path = versionlessPath(request);
        String query = q < 0 ? "" : full.substring(q + 1);
        String name = request.method() + " " + path;
        if (STREAM.matcher(path).matches()) {
            return new Call(Kind.STREAM, name, timeouts.call(), "the engine call timeout " + EngineTimeouts.CALL_PROPERTY
                    + ", until the engine starts answering");
        }
        if (LONG.matcher(path).matches()) {
            return new Call(Kind.LONG, name, timeouts.longCall(), "the engine long-call timeout "
                    + EngineTimeouts.LONG_CALL_PROPERTY);
        }
        Duration timeout = timeouts.call();
        String timeoutName = "the engine call timeout " + EngineTimeouts.CALL_PROPERTY;
        if (DESCRIBE.matcher(path).matches() && timeout.compareTo(DESCRIBE_AT_LEAST) < 0) {
            // Podman 4.3 runs its OCI runtime and conmon to answer these: about 2 s for /version, 20 s under load
            timeout = DESCRIBE_AT_LEAST;
            timeoutName += ", at least " + DESCRIBE_AT_LEAST.toSeconds() + " s for the engine's info and version";
        }
        Matcher grace = GRACE_SECONDS.matcher(query);
        if (GRACE.matcher(path).matches() && grace.find()) {
            timeout = timeout.plusSeconds(Long.parseLong(grace.group(1)));
            timeoutName += " plus the " + grace.group(1) + " s stop grace period";
        }
        return new Call(Kind.QUICK, name, timeout, timeoutName);
    }

    @Override
    public Response execute(Request request) {
        Call call = classify(request);
        long now = System.nanoTime();
        long deadline = now + call.timeout().toNanos();
        String bound = call.timeout().toMillis() + " ms (" + call.timeoutName() + ")";
        CallDeadline caller = CallDeadline.current().orElse(null);
        boolean callersBudget = caller != null && caller.deadlineNanos() - deadline < 0;
        if (callersBudget) {
            deadline = caller.deadlineNanos();
            bound = caller.description();
        }
        DockerHttpClient transport = transportFor(call, request);
        Handoff handoff = new Handoff();
        Future<Response> pending = calls.submit(() -> handoff.deliver(transport.execute(request)));
        Response response;
        try {
            response = pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            response = handoff.abandon();
            if (response == null) {
                pending.cancel(true);
                throw noAnswer(call, bound, callersBudget ? new CallDeadline.Exceeded(bound) : null);
            }
        } catch (ExecutionException e) {
            throw failed(call, bound, e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Response late = handoff.abandon();
            if (late != null) {
                late.close();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine at " + dockerHost + " to answer "
                    + call.name(), e);
        }
        if (call.kind() == Kind.STREAM) {
            return response;
        }
        return new BoundedResponse(response, call, bound, deadline, callersBudget);
    }

    private DockerHttpClient transportFor(Call call, Request request) {
        if (call.kind() == Kind.QUICK && !call.timeoutName().contains("grace")
                && call.timeout().equals(timeouts.call())) {
            return quick;
        }
        return call.kind() == Kind.LONG && bulk != null && BulkHttpClient.takes(versionlessPath(request))
                ? bulk : unbounded;
    }

    private EngineUnavailableException noAnswer(Call call, String bound, Throwable cause) {
        return EngineUnavailableException.duringCall(dockerHost, call.name(), "no answer within " + bound,
                String.format(HINT, dockerHost), cause);
    }

    private RuntimeException failed(Call call, String bound, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.SocketTimeoutException) {
            return noAnswer(call, bound, failure);
        }
        if (!(root instanceof IOException)) {
            return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? ""
                : root.getMessage().strip().lines().findFirst().orElse("") + " ";
        return EngineUnavailableException.duringCall(dockerHost, call.name(), "the connection failed: " + message
                + "(" + root.getClass().getSimpleName() + ")", String.format(HINT, dockerHost), failure);
    }

    @Override
    public void close() throws IOException {
        calls.shutdownNow();
        watchdog.shutdownNow();
        try {
            quick.close();
        } finally {
            try {
                unbounded.close();
            } finally {
                if (bulk != null) {
                    bulk.close();
                }
            }
        }
    }

    /** Hands the response to the caller, or closes it when the caller gave up. */
    private static final class Handoff {
        private Response response;
        private boolean abandoned;

        synchronized Response deliver(Response r) {
            if (abandoned) {
                r.close();
            } else {
                response = r;
            }
            return r;
        }

        synchronized Response abandon() {
            abandoned = response == null;
            return response;
        }
    }

    /** An answer whose body must be read by the deadline: at the deadline the connection is closed. */
    private final class BoundedResponse implements Response {
        private final Response delegate;
        private final Call call;
        private final String bound;
        private final ScheduledFuture<?> alarm;
        private final boolean callersBudget;
        private volatile boolean fired;

        BoundedResponse(Response delegate, Call call, String bound, long deadlineNanos, boolean callersBudget) {
            this.delegate = delegate;
            this.call = call;
            this.bound = bound;
            this.callersBudget = callersBudget;
            this.alarm = watchdog.schedule(() -> {
                fired = true;
                delegate.close();
            }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        @Override
        public int getStatusCode() {
            return delegate.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return delegate.getHeaders();
        }

        @Override
        public String getHeader(String name) {
            return delegate.getHeader(name);
        }

        @Override
        public InputStream getBody() {
            return new FilterInputStream(delegate.getBody()) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (IOException e) {
                        throw late(e);
                    } catch (RuntimeException e) {
                        throw late(e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (IOException e) {
                        throw late(e);
                    } catch (RuntimeException e) {
                        throw late(e);
                    }
                }

                private <E extends Exception> E late(E e) {
                    if (fired) {
                        throw noAnswer(call, bound, callersBudget ? new CallDeadline.Exceeded(bound) : e);
                    }
                    return e;
                }
            };
        }

        @Override
        public void close() {
            alarm.cancel(false);
            delegate.close();
        }
    }
}
