package dev.berth.report;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Version;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DockerClientConfig;
import dev.berth.EngineInfo;
import dev.berth.engine.KernelOomLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a {@link FailureReport} within a time bound. All engine calls run concurrently, each with
 * its own timeout ({@value #CALL_MILLIS} ms; stats {@value #STATS_MILLIS} ms, because the engine
 * samples once a second) and together within {@link ReportSettings#timeout()}; whatever fails or does
 * not answer in time is named in {@link FailureReport#notCollected()} instead. Never throws for engine
 * trouble, never hangs.
 */
public final class ReportCollector {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCollector.class);
    static final long CALL_MILLIS = 1500;
    static final long STATS_MILLIS = 1800;
    private static final int THREADS = 8;
    private static final long RENDER_RESERVE_MILLIS = 100;

    private final DockerClient docker;
    private final String dockerHost;
    private final ReportSettings settings;
    private final LogTail defaultLogs;
    private final Clock clock;
    private final KernelOomLog oomLog = new KernelOomLog();
    private final Supplier<Optional<EngineInfo>> known;

    /**
     * @param docker the engine client (e.g. {@code engine.docker()})
     * @param dockerHost where it listens, shown in the report (e.g. {@code engine.endpoint().dockerHost()})
     * @param settings log line count, stats, mask patterns, time budget
     */
    public ReportCollector(DockerClient docker, String dockerHost, ReportSettings settings) {
        this(docker, dockerHost, settings, Optional::empty);
    }

    /**
     * @param docker the engine client (e.g. {@code engine.docker()})
     * @param dockerHost where it listens, shown in the report (e.g. {@code engine.endpoint().dockerHost()})
     * @param settings log line count, stats, mask patterns, time budget
     * @param known what the connection already read about the engine ({@code engine.knownInfo()}): when present,
     *     the report shows it and asks the engine only for its counts ({@code /info}), never for its version
     */
    public ReportCollector(DockerClient docker, String dockerHost, ReportSettings settings,
                           Supplier<Optional<EngineInfo>> known) {
        this(docker, dockerHost, settings, new DockerLogTail(docker, Duration.ofMillis(CALL_MILLIS + 1000)),
                Clock.systemUTC(), known);
    }

    ReportCollector(DockerClient docker, String dockerHost, ReportSettings settings, LogTail defaultLogs,
                    Clock clock) {
        this(docker, dockerHost, settings, defaultLogs, clock, Optional::empty);
    }

    ReportCollector(DockerClient docker, String dockerHost, ReportSettings settings, LogTail defaultLogs,
                    Clock clock, Supplier<Optional<EngineInfo>> known) {
        this.known = known;
        this.docker = docker;
        this.dockerHost = dockerHost;
        this.settings = settings;
        this.defaultLogs = defaultLogs;
        this.clock = clock;
    }

    /**
     * Builds the JSON readers for every engine response a report reads, without calling the engine.
     * The first report in a JVM otherwise spends most of its time budget on this (over a second on a
     * busy machine). Idempotent and cheap once done; {@link FailureReporter} runs it in the background.
     */
    public static void warmUp() {
        ObjectMapper mapper = DockerClientConfig.getDefaultObjectMapper();
        for (Class<?> type : List.of(Info.class, Version.class, InspectContainerResponse.class,
                InspectImageResponse.class, ImageHistory.class, Statistics.class, Network.class, Frame.class,
                com.github.dockerjava.api.model.Container.class, com.github.dockerjava.api.model.Image.class)) {
            try {
                mapper.readValue("{}", type);
            } catch (Exception e) {
                LOG.debug("warming up the reader of {} failed", type.getSimpleName(), e);
            }
        }
    }

    /**
     * @param title what failed, e.g. {@code OrdersTest > savesOrder()}
     * @param targets the containers in scope
     * @return the report; sections that could not be collected are null and named in it
     */
    public FailureReport collect(String title, List<ReportTarget> targets) {
        Instant createdAt = clock.instant();
        long started = System.nanoTime();
        Duration budget = settings.timeout().minusMillis(RENDER_RESERVE_MILLIS);
        Duration call = Duration.ofMillis(CALL_MILLIS);
        try (BoundedCalls calls = new BoundedCalls(THREADS, budget, System::nanoTime)) {
            // versions and drivers do not change while the engine runs: what the connection read is enough, and only
            // the counts are asked for (Podman answers /version in about 2 s on a loaded machine)
            EngineInfo cached = known.get().orElse(null);
            BoundedCalls.Pending<Info> info = cached != null ? null : calls.submit("engine info", call,
                    () -> docker.infoCmd().exec());
            BoundedCalls.Pending<Version> version = cached != null ? null : calls.submit("engine version", call,
                    () -> docker.versionCmd().exec());
            BoundedCalls.Pending<EngineCounts> counts = cached == null ? null : calls.submit("engine counts", call,
                    () -> EngineCounts.listed(docker));
            List<PerContainer> pending = new ArrayList<>();
            for (ReportTarget t : targets) {
                pending.add(submit(calls, t, call));
            }
            SecretMasker masker = masker(targets);
            List<InspectContainerResponse> inspected = new ArrayList<>();
            for (PerContainer p : pending) {
                p.inspected = calls.get(p.inspect);
                inspected.add(p.inspected);
                if (p.inspected != null && p.inspected.getConfig() != null && p.inspected.getConfig().getEnv() != null) {
                    masker = masker.withSecretsFrom(List.of(p.inspected.getConfig().getEnv()));
                }
                if (p.imageInspect == null && p.inspected != null && p.inspected.getImageId() != null) {
                    submitImage(calls, p, p.inspected.getImageId(), call);
                }
            }
            NetworkCollector networks = new NetworkCollector(docker, calls, call);
            networks.submit(inspected);
            EngineSection engine = cached != null ? DockerMapping.engine(dockerHost, cached, calls.get(counts))
                    : engineSection(calls.get(info), calls.get(version));
            // only a local engine's kernel log is this host's (the evidence names the container's cgroup)
            boolean local = dockerHost != null && dockerHost.startsWith("unix://");
            List<ContainerReport> containers = new ArrayList<>();
            for (PerContainer p : pending) {
                containers.add(local ? withKernelOomEvidence(report(calls, p, masker)) : report(calls, p, masker));
            }
            List<NetworkSection> nets = networks.sections(inspected);
            List<String> missing = masker.maskAll(calls.notCollected());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new FailureReport(masker.mask(title), createdAt, took, engine, containers, nets, missing);
        }
    }

    private EngineSection engineSection(Info info, Version version) {
        return info == null && version == null ? null : DockerMapping.engine(dockerHost, info, version);
    }

    private SecretMasker masker(List<ReportTarget> targets) {
        SecretMasker m = SecretMasker.of(settings.maskPatterns());
        for (ReportTarget t : targets) {
            m = m.withSecretsFrom(t.env());
        }
        return m;
    }

    private PerContainer submit(BoundedCalls calls, ReportTarget t, Duration call) {
        PerContainer p = new PerContainer(t);
        String id = t.containerId();
        p.inspect = calls.submit("state of " + t.label(), call, () -> docker.inspectContainerCmd(id).exec());
        LogTail tail = t.logs() != null ? t.logs() : defaultLogs;
        int lines = settings.logLines();
        p.logs = calls.submit("logs of " + t.label(), call, () -> tail.last(id, lines));
        if (settings.includeStats()) {
            p.stats = calls.submit("stats of " + t.label(), Duration.ofMillis(STATS_MILLIS), () -> oneStatsFrame(id));
        }
        if (t.imageReference() != null) {
            submitImage(calls, p, t.imageReference(), call);
        }
        return p;
    }

    private void submitImage(BoundedCalls calls, PerContainer p, String image, Duration call) {
        p.imageRef = image;
        p.imageInspect = calls.submit("image of " + p.target.label(), call, () -> docker.inspectImageCmd(image).exec());
        p.history = calls.submit("image history of " + p.target.label(), call,
                () -> docker.imageHistoryCmd(image).exec());
    }

    /**
     * Podman 4.3 on cgroup v1 (and a loaded Docker 20.10) may not mark an OOM-killed container
     * ({@link KernelOomLog}): a container a local engine reports as killed by SIGKILL (exit 137) and not OOM-killed is marked OOM-killed when the kernel log
     * records the kill in its cgroup.
     */
    private ContainerReport withKernelOomEvidence(ContainerReport r) {
        ContainerSection c = r.container();
        if (c == null || c.state() == null || c.state().oomKilled() || c.state().exitCode() == null
                || c.state().exitCode() != 137 || !oomLog.killed(c.id())) {
            return r;
        }
        return new ContainerReport(r.label(), c.withState(c.state().withOomKilled()), r.image(), r.logs(), r.stats());
    }

    private ContainerReport report(BoundedCalls calls, PerContainer p, SecretMasker masker) {
        InspectContainerResponse c = p.inspected;
        ContainerSection section = c == null ? null : DockerMapping.container(c, masker);
        ImageSection image = null;
        if (p.imageInspect != null) {
            InspectImageResponse ii = calls.get(p.imageInspect);
            List<ImageHistory> history = calls.get(p.history);
            if (ii != null || history != null) {
                String ref = c != null && c.getConfig() != null && c.getConfig().getImage() != null
                        ? c.getConfig().getImage() : p.imageRef;
                image = DockerMapping.image(ref, ii, history);
            }
        }
        List<String> logs = calls.get(p.logs);
        StatsSection stats = null;
        if (p.stats != null) {
            boolean running = c != null && c.getState() != null && Boolean.TRUE.equals(c.getState().getRunning());
            boolean gone = c == null && p.inspect.failure != null
                    && BoundedCalls.root(p.inspect.failure) instanceof NotFoundException;
            if (running || c == null && !gone) {
                Statistics s = calls.get(p.stats);
                stats = s == null ? null : StatsMapping.of(s, c == null ? null : c.getState().getStartedAt());
            } else {
                calls.getQuietly(p.stats); // not running, or removed: no stats to show
            }
        }
        return new ContainerReport(p.target.label(), section, image, logs == null ? List.of() : masker.maskAll(logs),
                stats);
    }

    /** Streams stats and keeps the first frame: one sample, as fast as the engine's 1 s sampling allows. */
    private Statistics oneStatsFrame(String id) throws Exception {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics s) {
                first.complete(s);
            }

            @Override
            public void onError(Throwable t) {
                first.completeExceptionally(t); // reported as not collected; no need to log it too
                try {
                    close();
                } catch (java.io.IOException ignored) {
                    // already closed
                }
            }

            @Override
            public void onComplete() {
                first.completeExceptionally(new IllegalStateException("the stats stream ended without a sample"));
                super.onComplete();
            }
        };
        try (ResultCallback.Adapter<Statistics> running = docker.statsCmd(id).exec(callback)) {
            return first.get(STATS_MILLIS + 1000, TimeUnit.MILLISECONDS);
        }
    }

    private static final class PerContainer {
        final ReportTarget target;
        BoundedCalls.Pending<InspectContainerResponse> inspect;
        BoundedCalls.Pending<List<String>> logs;
        BoundedCalls.Pending<Statistics> stats;
        BoundedCalls.Pending<InspectImageResponse> imageInspect;
        BoundedCalls.Pending<List<ImageHistory>> history;
        String imageRef;
        InspectContainerResponse inspected;

        PerContainer(ReportTarget target) {
            this.target = target;
        }
    }
}
