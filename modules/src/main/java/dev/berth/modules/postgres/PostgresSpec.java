package dev.berth.modules.postgres;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.modules.JdbcSettings;
import dev.berth.modules.JdbcProbe;
import dev.berth.modules.ProtocolWait;
import dev.berth.wait.WaitStrategy;
import java.time.Duration;
import java.util.List;
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

    private final JdbcSettings settings;

    private PostgresSpec(JdbcSettings settings) {
        this.settings = settings;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, database/user/password {@code test} */
    public static PostgresSpec of() {
        return new PostgresSpec(JdbcSettings.defaults("PostgreSQL", DEFAULT_IMAGE));
    }

    /**
     * @param image another PostgreSQL image honouring {@code POSTGRES_*}, e.g. {@code "postgres:16"}
     * @return a copy
     */
    public PostgresSpec withImage(String image) {
        return new PostgresSpec(settings.withImage(image));
    }

    /**
     * @param database the database created at first start, e.g. {@code "shop"}
     * @return a copy
     */
    public PostgresSpec withDatabase(String database) {
        return new PostgresSpec(settings.withDatabase(database));
    }

    /**
     * @param username the superuser created at first start, e.g. {@code "app"}
     * @return a copy
     */
    public PostgresSpec withUsername(String username) {
        return new PostgresSpec(settings.withUsername(username));
    }

    /**
     * @param password the user's password
     * @return a copy
     */
    public PostgresSpec withPassword(String password) {
        return new PostgresSpec(settings.withPassword(password));
    }

    /**
     * @param script a {@code .sql} or {@code .sh} file run once when the database is created, after the
     *     ones added before: {@code "classpath:schema.sql"} or a host path
     * @return a copy
     */
    public PostgresSpec withInitScript(String script) {
        return new PostgresSpec(settings.withInitScript(script));
    }

    /**
     * @param timeout the most time start + readiness may take; 120 s by default
     * @return a copy
     */
    public PostgresSpec withStartupTimeout(Duration timeout) {
        return new PostgresSpec(settings.withStartupTimeout(timeout));
    }

    /** @return the image */
    public ImageRef image() {
        return settings.image();
    }

    /** @return the database name */
    public String database() {
        return settings.database();
    }

    /** @return the user name */
    public String username() {
        return settings.username();
    }

    /** @return the password */
    public String password() {
        return settings.password();
    }

    /** @return the init scripts, in order */
    public List<String> initScripts() {
        return settings.initScripts();
    }

    /** @return readiness: the server answers {@code SELECT 1} with these credentials */
    public WaitStrategy waitStrategy() {
        return ProtocolWait.until("PostgreSQL to answer SELECT 1 on port " + PORT, new JdbcProbe("PostgreSQL",
                List.of(c -> PostgresContainer.url(c, settings.database())), settings.username(), settings.password(), AUTH_STATES,
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
        ContainerSpec spec = settings.containerSpec(PORT)
                .withEnv("POSTGRES_USER", settings.username()).withEnv("POSTGRES_PASSWORD", settings.password()).withEnv("POSTGRES_DB", settings.database())
                .waitingFor(waitStrategy())
                .withSnapshotPrepare(PostgresContainer.prepareCommand(settings.username(), settings.database()).toArray(String[]::new));
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
        return o instanceof PostgresSpec p && settings.equals(p.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "PostgresSpec[" + settings + "]";
    }
}
