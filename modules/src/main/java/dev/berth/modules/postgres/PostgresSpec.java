package dev.berth.modules.postgres;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.modules.InitScripts;
import dev.berth.modules.JdbcProbe;
import dev.berth.modules.ProtocolWait;
import dev.berth.modules.Settings;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A PostgreSQL server to start: image {@value #DEFAULT_IMAGE} (the official image; map it elsewhere with
 * core's image substitution), database, user and password {@code test}, no init scripts. Immutable; every
 * {@code with…} returns a validated copy. Ready when the server answers {@code SELECT 1} over JDBC from
 * the test JVM (the PostgreSQL driver must be on the test classpath).
 *
 * <pre>{@code
 * try (PostgresContainer db = PostgresSpec.of().withDatabase("shop").withInitScript("classpath:schema.sql").start(engine)) {
 *     Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
 * }
 * }</pre>
 */
public final class PostgresSpec {
    /** The image started by default. */
    public static final String DEFAULT_IMAGE = "postgres:15";
    /** The server's port inside the container. */
    public static final int PORT = 5432;
    static final Set<String> AUTH_STATES = Set.of("28P01", "28000");

    private final ImageRef image;
    private final String database;
    private final String username;
    private final String password;
    private final List<String> initScripts;
    private final Duration startupTimeout;

    private PostgresSpec(ImageRef image, String database, String username, String password, List<String> initScripts,
                         Duration startupTimeout) {
        this.image = image;
        this.database = database;
        this.username = username;
        this.password = password;
        this.initScripts = List.copyOf(initScripts);
        this.startupTimeout = startupTimeout;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, database/user/password {@code test} */
    public static PostgresSpec of() {
        return new PostgresSpec(ImageRef.parse(DEFAULT_IMAGE), "test", "test", "test", List.of(), Duration.ofSeconds(120));
    }

    /**
     * @param image another PostgreSQL image honouring {@code POSTGRES_*}, e.g. {@code "postgres:16"}
     * @return a copy
     */
    public PostgresSpec withImage(String image) {
        return new PostgresSpec(ImageRef.parse(image), database, username, password, initScripts, startupTimeout);
    }

    /**
     * @param database the database created at first start, e.g. {@code "shop"}
     * @return a copy
     */
    public PostgresSpec withDatabase(String database) {
        return new PostgresSpec(image, Settings.identifier("PostgreSQL database", database, "\"shop\""), username, password,
                initScripts, startupTimeout);
    }

    /**
     * @param username the superuser created at first start, e.g. {@code "app"}
     * @return a copy
     */
    public PostgresSpec withUsername(String username) {
        return new PostgresSpec(image, database, Settings.identifier("PostgreSQL username", username, "\"app\""), password,
                initScripts, startupTimeout);
    }

    /**
     * @param password the user's password
     * @return a copy
     */
    public PostgresSpec withPassword(String password) {
        return new PostgresSpec(image, database, username, Settings.password("PostgreSQL password", password, "\"s3cret\""),
                initScripts, startupTimeout);
    }

    /**
     * @param script a {@code .sql} or {@code .sh} file run once when the database is created, after the
     *     ones added before: {@code "classpath:schema.sql"} or a host path
     * @return a copy
     */
    public PostgresSpec withInitScript(String script) {
        List<String> scripts = new ArrayList<>(initScripts);
        scripts.add(InitScripts.check("PostgreSQL init script", script));
        return new PostgresSpec(image, database, username, password, scripts, startupTimeout);
    }

    /**
     * @param timeout the most time start + readiness may take; 120 s by default
     * @return a copy
     */
    public PostgresSpec withStartupTimeout(Duration timeout) {
        return new PostgresSpec(image, database, username, password, initScripts,
                Settings.positive("PostgreSQL startup timeout", timeout));
    }

    /** @return the image */
    public ImageRef image() {
        return image;
    }

    /** @return the database name */
    public String database() {
        return database;
    }

    /** @return the user name */
    public String username() {
        return username;
    }

    /** @return the password */
    public String password() {
        return password;
    }

    /** @return the init scripts, in order */
    public List<String> initScripts() {
        return initScripts;
    }

    /** @return readiness: the server answers {@code SELECT 1} with these credentials */
    public WaitStrategy waitStrategy() {
        return ProtocolWait.until("PostgreSQL to answer SELECT 1 on port " + PORT, new JdbcProbe("PostgreSQL",
                List.of(c -> PostgresContainer.url(c, database)), username, password, AUTH_STATES,
                "org.postgresql:postgresql"));
    }

    /**
     * The core spec this module starts; refine it with core's {@code with…} (limits, networks, a name)
     * and start it with {@link #start(Engine, UnaryOperator)}, or through {@code Engine.startAll}
     * followed by {@link PostgresContainer#of(dev.berth.RunningContainer)}.
     *
     * @return image, port 5432, {@code POSTGRES_*} environment, init scripts, readiness, startup timeout,
     *     {@code CHECKPOINT} as the snapshot preparation
     */
    public ContainerSpec toContainerSpec() {
        ContainerSpec spec = ContainerSpec.of(image).withExposedPorts(PORT)
                .withEnv("POSTGRES_USER", username).withEnv("POSTGRES_PASSWORD", password).withEnv("POSTGRES_DB", database)
                .waitingFor(waitStrategy()).withStartupTimeout(startupTimeout)
                .withSnapshotPrepare(PostgresContainer.prepareCommand(username, database).toArray(String[]::new));
        for (var copy : InitScripts.copies(initScripts)) {
            spec = spec.withFile(copy);
        }
        return spec;
    }

    /**
     * @param engine the engine
     * @return the started, ready server; close it to remove it
     */
    public PostgresContainer start(Engine engine) {
        return start(engine, UnaryOperator.identity());
    }

    /**
     * @param engine the engine
     * @param refine changes to the core spec, e.g. {@code s -> s.withNetwork("app", "db")}
     * @return the started, ready server; close it to remove it
     */
    public PostgresContainer start(Engine engine, UnaryOperator<ContainerSpec> refine) {
        return new PostgresContainer(engine.start(refine.apply(toContainerSpec())), this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresSpec p && image.equals(p.image) && database.equals(p.database)
                && username.equals(p.username) && password.equals(p.password) && initScripts.equals(p.initScripts)
                && startupTimeout.equals(p.startupTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, database, username, password, initScripts, startupTimeout);
    }

    @Override
    public String toString() {
        return "PostgresSpec[" + image + ", database=" + database + ", username=" + username + ", initScripts="
                + initScripts + "]";
    }
}
