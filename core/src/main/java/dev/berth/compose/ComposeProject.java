package dev.berth.compose;

import dev.berth.Engine;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A compose file as a source of containers: Berth reads it itself (no compose binary), maps every
 * service onto a {@link dev.berth.ContainerSpec} and starts them through the engine's start graph.
 * Immutable; every {@code with…} returns a changed copy.
 *
 * <pre>{@code
 * try (RunningCompose app = ComposeProject.file("src/test/resources/docker-compose.yml").start(engine)) {
 *     RunningContainer db = app.service("db");
 *     connect(db.host(), db.mappedPort(5432));
 * }
 * }</pre>
 *
 * Values are interpolated from the environment over the {@code .env} file next to the compose file
 * (over both: {@link #withEnv(String, String)}). Names are per session, so parallel runs never clash.
 */
public final class ComposeProject {
    private final Path file;
    private final Map<String, String> env;
    private final Set<String> profiles;
    private final String projectName;

    private ComposeProject(Path file, Map<String, String> env, Set<String> profiles, String projectName) {
        this.file = file;
        this.env = env;
        this.profiles = profiles;
        this.projectName = projectName;
    }

    /**
     * @param file the compose file, e.g. {@code src/test/resources/docker-compose.yml}
     * @return the project, with compose's defaults (project name from the directory, no profile)
     */
    public static ComposeProject file(Path file) {
        return new ComposeProject(Objects.requireNonNull(file, "file"), Map.of(), Set.of(), null);
    }

    /**
     * @param file the compose file's path
     * @return the project
     */
    public static ComposeProject file(String file) {
        return file(Path.of(file));
    }

    /**
     * @param name a variable
     * @param value its value, winning over the environment and the {@code .env} file
     * @return the changed copy
     */
    public ComposeProject withEnv(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ComposeProject(file, Collections.unmodifiableMap(copy), profiles, projectName);
    }

    /**
     * @param active the profiles to activate (instead of {@code COMPOSE_PROFILES})
     * @return the changed copy
     */
    public ComposeProject withProfiles(String... active) {
        return new ComposeProject(file, env, Collections.unmodifiableSet(new LinkedHashSet<>(List.of(active))),
                projectName);
    }

    /**
     * @param name the project name (instead of the file's {@code name}, {@code COMPOSE_PROJECT_NAME} or the
     *     directory name); normalised as compose does
     * @return the changed copy
     */
    public ComposeProject withProjectName(String name) {
        return new ComposeProject(file, env, profiles, Objects.requireNonNull(name, "name"));
    }

    /** @return the compose file */
    public Path file() {
        return file;
    }

    /** @return the variables values are interpolated with (before the {@code .env} file): environment and overrides */
    public Map<String, String> environment() {
        Map<String, String> all = new HashMap<>(System.getenv());
        all.putAll(env);
        return all;
    }

    /** @return the profiles set with {@link #withProfiles(String...)} */
    public Set<String> profiles() {
        return profiles;
    }

    /** @return the project name set with {@link #withProjectName(String)} */
    public Optional<String> projectName() {
        return Optional.ofNullable(projectName);
    }

    /**
     * Reads and validates the file without an engine.
     *
     * @return the services, networks and volumes
     * @throws ComposeFileException for invalid YAML, an unsupported key, a bad value, an unknown service,
     *     a missing env file or a variable with no value
     */
    public ComposeModel load() {
        return ModelReader.read(this, "local");
    }

    /**
     * Reads the file, creates its networks, builds its images and starts its active services through
     * {@link Engine#startAll(List)} — each once its {@code depends_on} conditions hold. If anything fails,
     * whatever was created is removed before the exception is thrown.
     *
     * @param engine the engine to run on; its session owns every resource
     * @return the running project; close it to remove its containers, networks and volumes
     * @throws ComposeFileException for a bad file (before anything is created), or a dependency cycle
     * @throws dev.berth.ContainerStartException if a service fails to start or to become ready
     */
    public RunningCompose start(Engine engine) {
        ComposeModel model = ModelReader.read(this, engine.session().id().substring(0, 8));
        return ProjectStarter.start(model, engine, null);
    }

    /**
     * Starts the project as {@link #start(Engine)} does, except when a service fails to start or to become
     * ready after others are ready: those services and the networks are then <em>not</em> removed but handed
     * to {@code partialOwner} as a project of the services that did start, before the exception is thrown —
     * for a caller that reports on them first and closes them afterwards (the JUnit extension's failure
     * reports). A bad file, or a failure before any service is ready, still leaves nothing behind.
     *
     * @param engine the engine to run on; its session owns every resource
     * @param partialOwner receives the partly started project, which it must close; must not block
     * @return the running project; close it to remove its containers, networks and volumes
     * @throws ComposeFileException for a bad file (before anything is created), or a dependency cycle
     * @throws dev.berth.ContainerStartException if a service fails to start or to become ready
     */
    public RunningCompose start(Engine engine, Consumer<? super RunningCompose> partialOwner) {
        Objects.requireNonNull(partialOwner, "partialOwner");
        ComposeModel model = ModelReader.read(this, engine.session().id().substring(0, 8));
        return ProjectStarter.start(model, engine, partialOwner);
    }

    @Override
    public String toString() {
        return "ComposeProject[" + file + "]";
    }
}
