package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.engine.CallDeadline;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health checks of containers on Podman. Podman 4.3 schedules a container's health check with a systemd
 * timer; without systemd (in a container, on many CI runners) the check never runs, and the container stays
 * {@code starting} forever. On Podman Berth asks the engine to run it ({@code GET /libpod/containers/{id}/healthcheck}
 * runs the check within its timeout, counts failures against its retries and start period, and records the result
 * as the container's health) one interval after the start and then one interval after each run ends, as Docker does,
 * until the container stops or is removed. Runs on at most two daemon threads per engine connection, which end
 * when no container needs them.
 */
final class PodmanHealthchecks {
    private static final Logger LOG = LoggerFactory.getLogger(PodmanHealthchecks.class);
    /** Docker's and Podman's default interval and timeout, when the check sets none. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DockerClient docker;
    private final ScheduledThreadPoolExecutor runs;

    PodmanHealthchecks(DockerClient docker) {
        this.docker = docker;
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.runs = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "berth-podman-healthcheck-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        runs.setKeepAliveTime(5, TimeUnit.SECONDS);
        runs.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs a started container's health check from now on, if it has one (its own or its image's).
     *
     * @param id the started container
     */
    void drive(String id) {
        HealthCheck h = docker.inspectContainerCmd(id).exec().getConfig().getHealthcheck();
        List<String> test = h == null ? null : h.getTest();
        if (test == null || test.isEmpty() || "NONE".equals(test.get(0))) {
            return;
        }
        if (!(docker instanceof DockerClientImpl impl)) {
            LOG.debug("cannot run the health check of {} on Podman: not docker-java's own client", id);
            return;
        }
        Duration interval = nanos(h.getInterval(), DEFAULT_INTERVAL);
        Duration timeout = nanos(h.getTimeout(), DEFAULT_INTERVAL);
        LOG.debug("Podman: Berth runs the health check of {} every {} ms (no systemd timer here)", id,
                interval.toMillis());
        runs.schedule(() -> run(impl.getHttpClient(), id, interval, timeout), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void run(DockerHttpClient http, String id, Duration interval, Duration timeout) {
        int status;
        String body;
        // the engine answers once the check has ended, within the check's timeout
        try (CallDeadline d = CallDeadline.open(timeout.plusSeconds(10), "the health check's timeout ("
                + timeout.toMillis() + " ms) and 10 s");
             DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                     .method(DockerHttpClient.Request.Method.GET)
                     .path("/v4.0.0/libpod/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                             + "/healthcheck").build());
             InputStream in = response.getBody()) {
            status = response.getStatusCode();
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            LOG.debug("running the health check of {} on Podman failed; Berth stops running it", id, e);
            return;
        }
        if (status / 100 != 2) { // 404: removed; 409: not running
            LOG.debug("Podman answered {} to the health check of {} ({}); Berth stops running it", status, id, body);
            return;
        }
        runs.schedule(() -> run(http, id, interval, timeout), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration nanos(Long nanos, Duration fallback) {
        return nanos == null || nanos <= 0 ? fallback : Duration.ofNanos(nanos);
    }
}
