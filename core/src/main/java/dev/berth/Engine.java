package dev.berth;

import com.github.dockerjava.api.DockerClient;
import dev.berth.cleanup.SessionCleanup;
import dev.berth.cleanup.SweepSettings;
import dev.berth.container.ContainerLauncher;
import dev.berth.container.ParallelStarter;
import dev.berth.container.PhaseListeners;
import dev.berth.container.PhaseTimer;
import dev.berth.engine.DockerConfigDir;
import dev.berth.engine.EngineFacts;
import dev.berth.engine.EngineInfoReader;
import dev.berth.image.ImageService;
import dev.berth.network.NetworkManager;
import dev.berth.report.ReportSettings;
import dev.berth.session.Session;
import dev.berth.snapshot.ImageArchiver;
import dev.berth.snapshot.Registries;
import dev.berth.snapshot.Snapshotter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a Docker engine and the session of everything created through it. Thread-safe.
 * Closing it removes every container, network and image the session still holds, newest first.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineOptions options;
    private final EngineEndpoint endpoint;
    private final DockerClient docker;
    private final Session session;
    private final ContainerLauncher launcher;
    private final NetworkManager networks;
    private final ImageService images;
    private final SessionCleanup cleanup;
    private final Snapshotter snapshots;
    private final ImageArchiver archiver;
    private final Registries registries;
    private final PhaseListeners listeners = new PhaseListeners();
    private final PhaseTimer phases = new PhaseTimer(listeners);
    private final Leftovers leftovers;
    private final EngineFacts facts;

    Engine(EngineOptions options, EngineEndpoint endpoint, DockerClient docker) {
        this(options, endpoint, docker, Optional.empty());
    }

    /**
     * @param server the {@code Server} header of the engine's answer to the connection's ping: it names Podman before
     *     {@code /info} and {@code /version} are read (see {@link EngineFacts#readInBackgroundUnlessDocker()})
     */
    Engine(EngineOptions options, EngineEndpoint endpoint, DockerClient docker, Optional<String> server) {
        this.options = options;
        this.endpoint = endpoint;
        this.docker = docker;
        this.session = Session.create();
        this.facts = new EngineFacts(docker, server, "berth-engine-info-" + session.id().substring(0, 8));
        SweepSettings sweep = SweepSettings.from(options.settingsAsProperties(), options.environment());
        this.cleanup = SessionCleanup.open(docker, endpoint.isLocal(), session, sweep);
        this.images = new ImageService(docker, session, options.registryMirror().orElse(null),
                DockerConfigDir.at(options.dockerConfigDir()), facts);
        this.launcher = new ContainerLauncher(docker, endpoint, session, images,
                ReportSettings.fromProperties(options.settingsAsProperties()),
                facts, ImageSubstitution.fromSettings(options.settingsAsProperties(), options.environment()), listeners,
                cleanup::awaitSweep);
        this.networks = new NetworkManager(docker, session);
        this.snapshots = new Snapshotter(docker, session, facts);
        this.archiver = new ImageArchiver(docker);
        this.registries = new Registries(docker, facts);
        this.leftovers = new Leftovers(docker, endpoint.isLocal(), session.id(), sweep.maxAge());
        facts.readInBackgroundUnlessDocker();
    }

    /** Waits for the sweep of dead sessions this connection started in the background (for core's tests). */
    void awaitSweep() {
        cleanup.awaitSweep();
    }

    /**
     * Asks the engine ({@code docker info} and {@code docker version}, once each) for its info, the cgroup limits it
     * cannot apply, its data root and its clock; for diagnostics such as {@code berth doctor}.
     *
     * @return the details
     */
    public EngineDetails details() {
        return EngineInfoReader.details(docker);
    }

    /** @return the images a CI cache carries: kept snapshots and named images, streamed out and in */
    public ImageCache imageCache() {
        return new ImageCache(docker);
    }

    /** @return the resources other sessions left behind: find them, and remove them (a sweep) */
    public Leftovers leftovers() {
        return leftovers;
    }

    /**
     * Registers a listener told of every container phase (image, create, start, wait, snapshot,
     * remove) this engine times from now on, e.g. to draw a run report ({@link RunReport}).
     *
     * @param listener thread-safe and quick; its exceptions are logged and ignored
     */
    public void addPhaseListener(PhaseListener listener) {
        listeners.add(listener);
    }

    /** @return the settings this engine was connected with */
    public EngineOptions options() {
        return options;
    }

    /** @return where the engine listens */
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Asks the engine about itself ({@code docker info} and {@code docker version}).
     *
     * @return versions, OS, cgroup and storage drivers, resources, security options and counts
     */
    public EngineInfo info() {
        return EngineInfoReader.read(docker);
    }

    /**
     * What the engine said about itself when this connection first asked, without asking it again. Berth asks
     * ({@code docker info} and {@code docker version}) once per connection, in the background: from connect on
     * Podman (which takes seconds to answer), else once the first container is ready or this method is first called
     * (not at connect, where the read would compete with the first start in a fresh JVM), and keeps the answer:
     * product, versions, OS, drivers and security options do not change while the engine runs, while its counts are
     * those of that moment ({@link #info()} asks afresh). A failure report takes its engine
     * section from here, so that a slow engine (Podman answers {@code version} in about 2 s on a loaded machine)
     * does not leave it out.
     *
     * @return the info, or empty while the engine has not answered yet (the first such call starts the read)
     */
    public Optional<EngineInfo> knownInfo() {
        return facts.knownInfo();
    }

    /** @return the images of this engine: check, pull, load, build, import, remove */
    public Images images() {
        return images;
    }

    /** @return this connection's session: its id and the labels of every resource it creates */
    public SessionInfo session() {
        return new SessionInfo(session.id(), session.labels());
    }

    /** @return the ledger of what this engine's session holds; for core's own tests and cleanup */
    Session ledger() {
        return session;
    }

    /**
     * Releases a container from this session: closing the engine no longer removes it (it keeps the
     * session's labels, so {@code docker rm -f $(docker ps -aq --filter label=dev.berth.session=<id>)}
     * or a later sweep still finds it). For keeping a failed test's containers for inspection.
     *
     * @param container a container started by this engine
     */
    public void release(RunningContainer container) {
        session.forget(Session.Kind.CONTAINER, container.id());
    }

    /**
     * Releases a network from this session, as {@link #release(RunningContainer)} does for a container.
     *
     * @param network a network created by this engine
     */
    public void release(Network network) {
        session.forget(Session.Kind.NETWORK, network.id());
    }

    /**
     * The docker-java client, for what Berth does not cover: the one documented place where a
     * docker-java type appears in Berth's API (an escape hatch; it ties a caller using it to
     * docker-java 3.x). Resources created through it carry no Berth labels and are not cleaned up.
     *
     * @return the client
     */
    public DockerClient docker() {
        return docker;
    }

    /**
     * Creates and starts a container, then waits until its wait strategy says it is ready.
     *
     * @param spec what to run
     * @return the running container; close it to stop and remove it
     * @throws ContainerStartException if it fails to start or to become ready (it is removed); its message
     *         ends with a failure report's compact summary ({@code berth.reports.*} settings), secrets masked
     * @throws ImageNotFoundException if the image cannot be found or obtained
     */
    public RunningContainer start(ContainerSpec spec) {
        return launcher.start(spec);
    }

    /**
     * Checks a spec as far as can be done without creating anything: options that exclude each other
     * (e.g. network mode {@code none} with a network to join, published ports without bridge
     * networking) and CPU limits against the engine's CPU count ({@code docker info}, asked once per
     * engine connection and only when a spec limits CPUs). {@link #start} checks the same again; call
     * this first when several containers start together and a bad one must fail before any exists.
     *
     * @param spec the spec to check
     * @throws InvalidSpecException for the first problem found
     */
    public void validate(ContainerSpec spec) {
        launcher.validate(spec);
    }

    /**
     * Starts containers that are started together: independent ones concurrently, each one once the
     * specs named in its {@code dependsOn} are ready. Names, dependencies (no cycles), aliases and
     * networks are checked before anything is created. If one fails, those already started are
     * stopped and removed and the first failure is thrown.
     *
     * @param specs what to run
     * @return the ready containers, in the order of {@code specs}
     * @throws InvalidSpecException for duplicate names, unknown or cyclic dependencies, duplicate
     *         aliases on one network, or an unknown network
     * @throws ContainerStartException if one fails to start or to become ready
     */
    public List<RunningContainer> startAll(List<ContainerSpec> specs) {
        return new ParallelStarter(launcher).startAll(List.copyOf(specs));
    }

    /**
     * Starts containers together as {@link #startAll(List)} does, where specs may also depend on containers
     * already running (e.g. started earlier for a whole test class): those count as ready and are neither
     * started nor stopped here. The name checks, the dependency check and the cycle search are the same. A
     * {@code container:<name>} namespace mode ({@code NetworkMode}, {@code IpcMode}, {@code PidMode}) naming a
     * container the spec depends on means that container, even when another one of that name runs in the session.
     *
     * @param specs what to run
     * @param running containers already running, by the name specs use in {@code dependsOn}
     * @return the ready containers started for {@code specs}, in their order
     * @throws InvalidSpecException for a spec name that repeats or names a running container, a dependency
     *         that is neither among {@code specs} nor running, a cycle, duplicate aliases or an unknown network
     * @throws ContainerStartException if one fails to start or to become ready
     */
    public List<RunningContainer> startAll(List<ContainerSpec> specs, Map<String, RunningContainer> running) {
        return new ParallelStarter(launcher).startAll(List.copyOf(specs), Map.copyOf(running));
    }

    /**
     * Starts containers together as {@link #startAll(List, Map)} does, handing each to {@code owner} the moment
     * it is ready — for a caller that must hold every container as soon as it exists (a test scope that reports
     * and removes its containers itself). A container handed over belongs to the owner: if another one fails,
     * the ones handed over are <em>not</em> removed here (the failed one is, as always) and the first failure
     * is thrown.
     *
     * @param specs what to run
     * @param running containers already running, by the name specs use in {@code dependsOn}
     * @param owner receives each ready container, on the thread that started it; it must not block
     * @return the ready containers started for {@code specs}, in their order
     * @throws InvalidSpecException as {@link #startAll(List, Map)}, before anything is created or handed over
     * @throws ContainerStartException if one fails to start or to become ready
     */
    public List<RunningContainer> startAll(List<ContainerSpec> specs, Map<String, RunningContainer> running,
                                           Consumer<? super RunningContainer> owner) {
        return new ParallelStarter(launcher).startAll(List.copyOf(specs), Map.copyOf(running),
                Objects.requireNonNull(owner, "owner"));
    }

    /**
     * @param specs what to run
     * @return the ready containers, in argument order
     * @see #startAll(List)
     */
    public List<RunningContainer> startAll(ContainerSpec... specs) {
        return startAll(List.of(specs));
    }

    /**
     * Starts the services of a compose file — read by Berth itself, no compose binary — with its
     * networks and volumes, named per session. Same as {@code ComposeProject.file(composeFile).start(this)};
     * use {@link dev.berth.compose.ComposeProject} for profiles, variables or a project name.
     *
     * @param composeFile e.g. {@code src/test/resources/docker-compose.yml}
     * @return the running project; {@code service("db")} gives a service's container; close it to remove all
     * @throws dev.berth.compose.ComposeFileException for a bad file, naming the file, line and key
     * @throws ContainerStartException if a service fails to start or to become ready
     */
    public dev.berth.compose.RunningCompose compose(Path composeFile) {
        return dev.berth.compose.ComposeProject.file(composeFile).start(this);
    }

    /**
     * Creates a user-defined network labelled for this session.
     *
     * @param spec name, driver, internal flag and labels
     * @return the network; close it to remove it
     */
    public Network network(NetworkSpec spec) {
        return networks.create(spec);
    }

    /**
     * Creates a user-defined bridge network labelled for this session.
     *
     * @param name the name; the engine name gets a unique suffix so parallel runs never clash
     * @return the network; close it to remove it
     */
    public Network network(String name) {
        return networks.create(name);
    }

    /**
     * Commits a running container, with the content of its volumes, to an image
     * {@code berth-snapshots/<name>:<hash>}; the container is paused while it is read. Start fresh
     * copies with {@code start(snapshot.spec())}. The image is removed when the session closes.
     *
     * @param container a running container of this engine
     * @return the snapshot; close it to remove the image earlier
     * @throws BerthException if the container is not running or no longer exists
     */
    public Snapshot snapshot(RunningContainer container) {
        return snapshot(container, SnapshotOptions.defaults());
    }

    /**
     * Commits a running container as {@link #snapshot(RunningContainer)} does, with options: a prepare
     * command (e.g. a database checkpoint), no pause, a comment, or keeping the image after the session.
     *
     * @param container a running container of this engine
     * @param options how to capture it
     * @return the snapshot
     */
    public Snapshot snapshot(RunningContainer container, SnapshotOptions options) {
        return phases.time(container.id(), container.name(), container.spec().image().toString(), Phase.SNAPSHOT,
                () -> snapshots.snapshot(container, options));
    }

    /**
     * Opens an existing snapshot image — e.g. one kept ({@code withKeep(true)}, usually under a stable
     * {@code withTag}) by an earlier run — to start fresh copies from it with {@code start(snapshot.spec())}.
     *
     * @param image the snapshot image
     * @param source the spec to restore on it (ports, env, limits, networks, aliases)
     * @return the snapshot, or empty if the engine has no such image
     */
    public Optional<Snapshot> openSnapshot(ImageRef image, ContainerSpec source) {
        return snapshots.open(image, source);
    }

    /**
     * Saves images to a {@code docker save} archive, streamed with bounded memory; {@code .tar.gz} and
     * {@code .tgz} are gzip-compressed. No partial file is left when it fails.
     *
     * @param archive the file to write: {@code .tar}, {@code .tar.gz} or {@code .tgz}
     * @param images the images, at least one
     * @return the archive written, with its size
     */
    public SavedArchive save(Path archive, ImageRef... images) {
        return archiver.save(archive, Arrays.asList(images));
    }

    /**
     * Pushes an image to a registry as {@code registry/repository:tag}, waiting at most 5 minutes.
     *
     * @param image a local image
     * @param registry {@code host[:port]}, e.g. {@code localhost:5000}
     * @return the reference in the registry
     */
    public ImageRef push(ImageRef image, String registry) {
        return registries.push(image, registry, Duration.ofMinutes(5));
    }

    /**
     * @param image a local image
     * @param registry {@code host[:port]}
     * @param timeout the most the push may take
     * @return the reference in the registry
     */
    public ImageRef push(ImageRef image, String registry, Duration timeout) {
        return registries.push(image, registry, timeout);
    }

    /**
     * @param image a local image
     * @return its layers, newest first (id, created, created-by, size, comment)
     */
    public List<Layer> history(ImageRef image) {
        return registries.history(image);
    }

    /**
     * Closes a resource off the caller's critical path (e.g. a per-test container, or a whole
     * {@link dev.berth.Scope}): the removal runs on a small background pool owned by this
     * engine, and {@link #close()} awaits every such removal and reports its failure.
     *
     * @param resource what to close
     * @return completes when it is closed, exceptionally when closing failed
     */
    public CompletableFuture<Void> discardLater(AutoCloseable resource) {
        return cleanup.discardLater(resource);
    }

    /**
     * Awaits background removals, then removes everything this session still holds in teardown
     * order — containers (per their stop policy, with anonymous volumes) → networks → images unless
     * kept → volumes — and closes the connection. Every step is attempted; closing twice is harmless.
     *
     * @throws BerthException listing every step that failed, with the causes suppressed
     */
    @Override
    public void close() {
        try {
            cleanup.close();
        } finally {
            try {
                docker.close();
            } catch (Exception e) {
                LOG.debug("closing the engine connection", e);
            }
        }
    }
}
