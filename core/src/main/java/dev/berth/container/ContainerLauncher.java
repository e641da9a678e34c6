package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ContainerSpec;
import dev.berth.Phase;
import dev.berth.ContainerStartException;
import dev.berth.ImageRef;
import dev.berth.ImageSubstitution;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.Security;
import dev.berth.PullPolicy;
import dev.berth.RunningContainer;
import dev.berth.EngineEndpoint;
import dev.berth.engine.CallDeadline;
import dev.berth.engine.EngineFacts;
import dev.berth.engine.KernelOomLog;
import dev.berth.image.ImageService;
import dev.berth.report.ReportCollector;
import dev.berth.report.ReportSettings;
import dev.berth.report.SecretMasker;
import dev.berth.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a spec into a created, started and ready container: create (with ports, storage,
 * first network, labels), copy files in and join the other networks, start, capture logs, wait. Every
 * engine call before the wait, the pull included, ends within the spec's startup timeout
 * ({@link CallDeadline}), and the wait gets the time left;
 * when the engine stops answering, nothing more is asked of it and the exception says where the container
 * may still be and how to remove it.
 * On any failure after creation a failure report is collected (if reports are enabled), the
 * container is removed and a {@code ContainerStartException} carries its state, last log lines and the
 * report's summary, with the spec's secrets masked.
 */
public final class ContainerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerLauncher.class);
    private final EngineFacts facts;
    private final PodmanHealthchecks podmanHealthchecks;
    private final DockerClient docker;
    private final EngineEndpoint endpoint;
    private final Session session;
    private final ImageService images;
    private final CreateOptions options;
    private final ContainerFiles files;
    private final StartFailures failures;
    private final EngineFit fit;
    private final AtomicLong sequence = new AtomicLong();
    private final KnownImages knownImages = new KnownImages();
    private final Runnable sweepDone;
    private final ImageSubstitution substitution;
    private final PhaseTimer phases;
    private final ContainerStates states;

    /**
     * @param docker the engine client
     * @param endpoint where the engine listens (decides the port bind address)
     * @param session records every created container
     * @param images makes the image available (spec.pullPolicy()) before the container is created
     * @param reports whether a failed start collects a report (stats are never sampled for it), within
     *     which time budget, and which env names are secrets
     * @param facts the engine's kind, read when a spec needs it (limits, domain name, seccomp profile, a health
     *     check on Podman), and its info, which a failed start's report shows without asking the engine again
     * @param substitution replaces the image a spec names before it is resolved
     * @param listener told of each timed phase (image, create, start, wait, remove)
     * @param sweepDone awaited before a spec with fixed host ports is created: a crashed run's leftover may
     *     hold the port until the sweep (which runs in the background) removes it
     */
    public ContainerLauncher(DockerClient docker, EngineEndpoint endpoint, Session session, ImageService images,
                             ReportSettings reports, EngineFacts facts, ImageSubstitution substitution,
                             dev.berth.PhaseListener listener, Runnable sweepDone) {
        this.sweepDone = java.util.Objects.requireNonNull(sweepDone, "sweepDone");
        this.substitution = java.util.Objects.requireNonNull(substitution, "substitution");
        this.phases = new PhaseTimer(listener);
        this.docker = docker;
        this.endpoint = endpoint;
        this.session = session;
        this.images = images;
        this.options = new CreateOptions(docker, session);
        this.files = new ContainerFiles(docker);
        this.facts = facts;
        this.podmanHealthchecks = new PodmanHealthchecks(docker);
        this.states = new ContainerStates(new KernelOomLog());
        this.fit = new EngineFit(facts, endpoint, Path.of(System.getProperty("java.io.tmpdir")));
        this.failures = new StartFailures(SecretMasker.of(reports.maskPatterns()), reports.enabled()
                ? new ReportCollector(docker, endpoint.dockerHost(), reports.withIncludeStats(false), facts::knownInfo)
                : null);
    }

    /**
     * Checks what can be checked before anything is created (the networks exist), then starts.
     *
     * @param spec what to run
     * @return the started, ready container
     */
    public RunningContainer start(ContainerSpec spec) {
        StartPlan.checkNetworks(List.of(spec), networkLookup()::exists);
        return launch(spec);
    }

    /**
     * Checks what needs no resource: options that exclude each other, and CPU limits against the
     * engine's CPU count (asked once per engine connection, and only when a spec limits CPUs).
     *
     * @param spec the spec to check
     * @throws dev.berth.InvalidSpecException for the first problem
     */
    public void validate(ContainerSpec spec) {
        IsolationValidator.checkConflicts(spec);
        IsolationValidator.checkCpus(spec.limits(), this::engineCpus);
    }

    /** The engine's CPUs, from the connection's one read of {@code /info} (not a second {@code /info} call). */
    private int engineCpus() {
        return facts.info().cpus();
    }

    /**
     * Starts a spec whose networks were already checked.
     *
     * @param spec what to run
     * @return the started, ready container
     */
    RunningContainer launch(ContainerSpec spec) {
        long begin = System.nanoTime();
        long deadline = begin + spec.startupTimeout().toNanos();
        String budget = "the startup timeout of " + StartPlan.label(spec) + " (" + spec.startupTimeout().toMillis()
                + " ms)";
        String name = containerName(spec);
        String id;
        String wanted = spec.image().toString();
        String image;
        if (!spec.fixedPorts().isEmpty()) {
            sweepDone.run();
        }
        try (CallDeadline d = CallDeadline.until(deadline, budget)) {
            Optional<String> known = knownImages.lookUp(wanted, spec.pullPolicy());
            Optional<String> presumed = known.isPresent() ? known : presumed(spec);
            String first = presumed.isPresent() ? phases.time("", name, wanted, Phase.IMAGE, presumed::get)
                    : resolveImage(spec, name);
            String created;
            try {
                created = create(spec, name, first);
                image = first;
                if (known.isEmpty() && presumed.isPresent()) {
                    rememberResolved(spec, ImageRef.parse(first), first);
                }
            } catch (RuntimeException e) {
                if (presumed.isEmpty() || !KnownImages.imageMissing(e)) {
                    throw e;
                }
                // removed since an earlier start, or not here yet: resolve it (pull policy, mirror, prefix) and create
                knownImages.forget(wanted, spec.pullPolicy());
                if (known.isEmpty()) {
                    knownImages.missedOnce(wanted, spec.pullPolicy());
                }
                image = resolveImage(spec, name);
                created = create(spec, name, image);
            }
            id = created;
        }
        session.recordContainer(id, name, spec.stopPolicy());
        LOG.debug("created {} ({}) from {} in {} ms", name, id, image, (System.nanoTime() - begin) / 1_000_000);
        DockerRunningContainer container = new DockerRunningContainer(docker, session, endpoint, spec, id, name, phases,
                states);
        try {
            try (CallDeadline d = CallDeadline.until(deadline, budget)) {
                phases.run(id, name, wanted, Phase.START, () -> {
                    files.copyIn(id, spec.files());
                    options.connectOthers(id, spec);
                    docker.startContainerCmd(id).exec();
                });
                container.logCapture().hold();
                if (podman()) {
                    podmanHealthchecks.drive(id); // no systemd timer runs them here
                }
            }
            LOG.debug("started {} after {} ms", name, (System.nanoTime() - begin) / 1_000_000);
            // the wait is bounded by the time left; its own engine calls by the call timeout, so that a call in
            // flight at the deadline does not hide the wait's own timeout message
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Duration remaining = left.isNegative() ? Duration.ZERO : left;
            try {
                phases.run(id, name, wanted, Phase.WAIT, () -> spec.waitStrategy().waitUntilReady(container, remaining));
            } catch (RuntimeException e) {
                throw StartFailures.waitFailed(e, spec.startupTimeout(), remaining,
                        Duration.ofNanos(System.nanoTime() - begin));
            }
            container.logCapture().release(); // ready: no thread per live handle; logs() reads on demand
            // not at connect: in a fresh JVM that read competed with the first start for the CPU
            facts.readInBackground();
            LOG.debug("{} ready after {} ms", name, (System.nanoTime() - begin) / 1_000_000);
            return container;
        } catch (RuntimeException e) {
            LOG.debug("{} failed after {} ms: {}", name, (System.nanoTime() - begin) / 1_000_000, e.toString());
            ContainerStartException failure = failures.fail(container, e);
            LOG.debug("{} removed after {} ms", name, (System.nanoTime() - begin) / 1_000_000);
            throw failure;
        }
    }

    /** @return whether Podman answers; an engine that cannot say is taken for Docker, and the start goes on */
    private boolean podman() {
        try {
            return facts.podman();
        } catch (RuntimeException e) {
            LOG.warn("the engine did not say which engine it is ({}); if it is Podman, Berth does not run health"
                    + " checks for this container", e.toString());
            return false;
        }
    }

    /**
     * The image a first start creates from without asking the engine for it: what the spec resolves to when the
     * engine holds it (the exact substitution rule's target, else the image named; a prefix rule applies only to
     * an image the engine lacks). A create that answers "no such image" then resolves it in full
     * ({@link #resolveImage}: the pull policy, the mirror, the prefix) and creates again, so the result is the one
     * resolving first gives, one engine call (an image inspect) sooner when the image is there. Not for
     * {@link PullPolicy#ALWAYS}, which pulls every time, nor for an image a presumed create found missing before
     * (on this connection: a mirror's or a prefix's image, which the spec's own name never finds).
     */
    private Optional<String> presumed(ContainerSpec spec) {
        return spec.pullPolicy() == PullPolicy.ALWAYS || knownImages.missed(spec.image().toString(), spec.pullPolicy())
                ? Optional.empty() : Optional.of(substitution.apply(spec.image(), present -> true).toString());
    }

    /** Makes the spec's image available (the pull policy), timed as the image phase, and remembers it. */
    private String resolveImage(ContainerSpec spec, String name) {
        String wanted = spec.image().toString();
        return phases.time("", name, wanted, Phase.IMAGE, () -> {
            ImageRef requested = substitution.apply(spec.image(), images::exists);
            String resolved = images.ensure(requested, spec.pullPolicy()).toString();
            rememberResolved(spec, requested, resolved);
            return resolved;
        });
    }

    /** Keeps what a start ran for the spec's image when it depends only on the spec and the exact rules. */
    private void rememberResolved(ContainerSpec spec, ImageRef requested, String resolved) {
        String wanted = spec.image().toString();
        boolean deterministic = resolved.equals(requested.toString()) && (requested.equals(spec.image())
                || substitution.images().containsKey(wanted));
        knownImages.remember(wanted, spec.pullPolicy(), resolved, deterministic);
    }

    private String create(ContainerSpec spec, String name, String image) {
        return phases.time("", name, spec.image().toString(), Phase.CREATE, () -> {
            try (CreateContainerCmd cmd = docker.createContainerCmd(image)) {
                configure(cmd, spec, name);
                return cmd.exec().getId();
            } catch (RuntimeException e) {
                if (StartFailures.engineLost(e)) { // the container may exist: its create got no answer
                    throw failures.lost(spec, null, name, endpoint.dockerHost(), List.of(), e);
                }
                throw e;
            }
        });
    }

    NetworkLookup networkLookup() {
        return new NetworkLookup(docker);
    }

    private String containerName(ContainerSpec spec) {
        String base = spec.name().map(n -> "berth-" + n).orElse("berth");
        return base + "-" + session.id().substring(0, 8) + "-" + sequence.incrementAndGet();
    }

    private void configure(CreateContainerCmd cmd, ContainerSpec spec, String name) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(session.labels());
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (int port : spec.exposedPorts()) {
            ExposedPort p = ExposedPort.tcp(port);
            exposed.add(p);
            bindings.bind(p, Ports.Binding.bindIp(endpoint.bindAddress()));
        }
        spec.fixedPorts().forEach((container, host) -> {
            ExposedPort p = ExposedPort.tcp(container);
            exposed.add(p);
            bindings.bind(p, Ports.Binding.bindIpAndPort(endpoint.bindAddress(), host));
        });
        HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings);
        options.storage(host, spec);
        options.firstNetwork(cmd, host, spec);
        spec.healthcheck().ifPresent(h -> CreateOptions.healthcheck(cmd, h));
        if (spec.stopPolicy().graceful() && !"SIGTERM".equals(spec.stopPolicy().signal())) {
            cmd.withStopSignal(spec.stopPolicy().signal());
        }
        cmd.withName(name).withLabels(labels).withExposedPorts(exposed).withHostConfig(host);
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        spec.entrypoint().ifPresent(cmd::withEntrypoint);
        if (!spec.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
            cmd.withEnv(env);
        }
        spec.workingDir().ifPresent(cmd::withWorkingDir);
        if (!defaultIsolation(spec)) {
            new IsolationMapper(docker, session, fit).apply(cmd, spec);
        }
    }

    /**
     * Whether the spec leaves limits, namespaces and security at their defaults, so that there is nothing to check or
     * map: most specs, whose first start in a fresh JVM then loads none of the isolation classes.
     */
    private static boolean defaultIsolation(ContainerSpec spec) {
        return spec.limits().equals(Limits.none()) && spec.namespaces().equals(Namespaces.defaults())
                && spec.security().equals(Security.defaults());
    }
}
