package dev.berth.modules.mariadb;

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
 * A MariaDB server (MySQL protocol) to start: image {@value #DEFAULT_IMAGE} (the official image; map it elsewhere with
 * core's image substitution), database, user and password {@code test}, no init scripts. Immutable; every
 * {@code with…} returns a validated copy. Ready when the server answers {@code SELECT 1} over JDBC from
 * the test JVM (the MariaDB or the MySQL driver must be on the test classpath).
 *
 * <pre>{@code
 * try (MariaDbContainer db = MariaDbSpec.of().withDatabase("shop").withInitScript("classpath:schema.sql").start(engine)) {
 *     Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
 * }
 * }</pre>
 */
public final class MariaDbSpec {
    /** The image started by default. */
    public static final String DEFAULT_IMAGE = "mariadb:10.11";
    /** The server's port inside the container. */
    public static final int PORT = 3306;
    static final Set<String> AUTH_STATES = Set.of("28000", "1045");

    private final JdbcSettings settings;

    private MariaDbSpec(JdbcSettings settings) {
        this.settings = settings;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, database/user/password {@code test} */
    public static MariaDbSpec of() {
        return new MariaDbSpec(JdbcSettings.defaults("MariaDB", DEFAULT_IMAGE));
    }

    /**
     * @param image another MariaDB image honouring {@code MARIADB_*}, e.g. {@code "mariadb:11.4"}
     * @return a copy
     */
    public MariaDbSpec withImage(String image) {
        return new MariaDbSpec(settings.withImage(image));
    }

    /**
     * @param database the database created at first start, e.g. {@code "shop"}
     * @return a copy
     */
    public MariaDbSpec withDatabase(String database) {
        return new MariaDbSpec(settings.withDatabase(database));
    }

    /**
     * @param username the user created at first start with all rights on the database ({@code root}: only the root password is set), e.g. {@code "app"}
     * @return a copy
     */
    public MariaDbSpec withUsername(String username) {
        return new MariaDbSpec(settings.withUsername(username));
    }

    /**
     * @param password the user's password (also the root password)
     * @return a copy
     */
    public MariaDbSpec withPassword(String password) {
        return new MariaDbSpec(settings.withPassword(password));
    }

    /**
     * @param script a {@code .sql} or {@code .sh} file run once when the database is created, after the
     *     ones added before: {@code "classpath:schema.sql"} or a host path
     * @return a copy
     */
    public MariaDbSpec withInitScript(String script) {
        return new MariaDbSpec(settings.withInitScript(script));
    }

    /**
     * @param timeout the most time start + readiness may take; 120 s by default
     * @return a copy
     */
    public MariaDbSpec withStartupTimeout(Duration timeout) {
        return new MariaDbSpec(settings.withStartupTimeout(timeout));
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
        return ProtocolWait.until("MariaDB to answer SELECT 1 on port " + PORT, new JdbcProbe("MariaDB",
                List.of(c -> MariaDbContainer.url("mariadb", c, settings.database()),
                        c -> MariaDbContainer.url("mysql", c, settings.database())),
                settings.username(), settings.password(), AUTH_STATES,
                "org.mariadb.jdbc:mariadb-java-client (or com.mysql:mysql-connector-j)"));
    }

    /**
     * The core spec this module starts; refine it with core's {@code with…} (limits, networks, a name)
     * and start it with {@link #start(Engine, UnaryOperator)}, or through {@code Engine.startAll}
     * followed by {@link MariaDbContainer#of(dev.berth.RunningContainer)}.
     *
     * @return image, port 3306, {@code MARIADB_*} environment, init scripts, readiness, startup timeout,
     *     {@code FLUSH TABLES} as the snapshot preparation
     */
    public ContainerSpec toContainerSpec() {
        ContainerSpec spec = settings.containerSpec(PORT)
                .withEnv("MARIADB_ROOT_PASSWORD", settings.password()).withEnv("MARIADB_DATABASE", settings.database())
                .waitingFor(waitStrategy())
                .withSnapshotPrepare(MariaDbContainer.PREPARE.toArray(String[]::new));
        if (!settings.username().equals("root")) {
            spec = spec.withEnv("MARIADB_USER", settings.username()).withEnv("MARIADB_PASSWORD", settings.password());
        }
        return spec;
    }

    /**
     * @param engine the engine
     * @return the started, ready server; close it to remove it
     */
    public MariaDbContainer start(Engine engine) {
        return start(engine, UnaryOperator.identity());
    }

    /**
     * @param engine the engine
     * @param refine changes to the core spec, e.g. {@code s -> s.withNetwork("app", "db")}
     * @return the started, ready server; close it to remove it
     */
    public MariaDbContainer start(Engine engine, UnaryOperator<ContainerSpec> refine) {
        return new MariaDbContainer(engine.start(refine.apply(toContainerSpec())), this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MariaDbSpec p && settings.equals(p.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "MariaDbSpec[" + settings + "]";
    }
}
