package dev.berth.modules.mariadb;

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

    private final ImageRef image;
    private final String database;
    private final String username;
    private final String password;
    private final List<String> initScripts;
    private final Duration startupTimeout;

    private MariaDbSpec(ImageRef image, String database, String username, String password, List<String> initScripts,
                         Duration startupTimeout) {
        this.image = image;
        this.database = database;
        this.username = username;
        this.password = password;
        this.initScripts = List.copyOf(initScripts);
        this.startupTimeout = startupTimeout;
    }

    /** @return the defaults: {@value #DEFAULT_IMAGE}, database/user/password {@code test} */
    public static MariaDbSpec of() {
        return new MariaDbSpec(ImageRef.parse(DEFAULT_IMAGE), "test", "test", "test", List.of(), Duration.ofSeconds(120));
    }

    /**
     * @param image another MariaDB image honouring {@code MARIADB_*}, e.g. {@code "mariadb:11.4"}
     * @return a copy
     */
    public MariaDbSpec withImage(String image) {
        return new MariaDbSpec(ImageRef.parse(image), database, username, password, initScripts, startupTimeout);
    }

    /**
     * @param database the database created at first start, e.g. {@code "shop"}
     * @return a copy
     */
    public MariaDbSpec withDatabase(String database) {
        return new MariaDbSpec(image, Settings.identifier("MariaDB database", database, "\"shop\""), username, password,
                initScripts, startupTimeout);
    }

    /**
     * @param username the user created at first start with all rights on the database ({@code root}: only the root password is set), e.g. {@code "app"}
     * @return a copy
     */
    public MariaDbSpec withUsername(String username) {
        return new MariaDbSpec(image, database, Settings.identifier("MariaDB username", username, "\"app\""), password,
                initScripts, startupTimeout);
    }

    /**
     * @param password the user's password (also the root password)
     * @return a copy
     */
    public MariaDbSpec withPassword(String password) {
        return new MariaDbSpec(image, database, username, Settings.password("MariaDB password", password, "\"s3cret\""),
                initScripts, startupTimeout);
    }

    /**
     * @param script a {@code .sql} or {@code .sh} file run once when the database is created, after the
     *     ones added before: {@code "classpath:schema.sql"} or a host path
     * @return a copy
     */
    public MariaDbSpec withInitScript(String script) {
        List<String> scripts = new ArrayList<>(initScripts);
        scripts.add(InitScripts.check("MariaDB init script", script));
        return new MariaDbSpec(image, database, username, password, scripts, startupTimeout);
    }

    /**
     * @param timeout the most time start + readiness may take; 120 s by default
     * @return a copy
     */
    public MariaDbSpec withStartupTimeout(Duration timeout) {
        return new MariaDbSpec(image, database, username, password, initScripts,
                Settings.positive("MariaDB startup timeout", timeout));
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
        return ProtocolWait.until("MariaDB to answer SELECT 1 on port " + PORT, new JdbcProbe("MariaDB",
                List.of(c -> MariaDbContainer.url("mariadb", c, database), c -> MariaDbContainer.url("mysql", c, database)),
                username, password, AUTH_STATES, "org.mariadb.jdbc:mariadb-java-client (or com.mysql:mysql-connector-j)"));
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
        ContainerSpec spec = ContainerSpec.of(image).withExposedPorts(PORT)
                .withEnv("MARIADB_ROOT_PASSWORD", password).withEnv("MARIADB_DATABASE", database)
                .waitingFor(waitStrategy()).withStartupTimeout(startupTimeout)
                .withSnapshotPrepare(MariaDbContainer.PREPARE.toArray(String[]::new));
        if (!username.equals("root")) {
            spec = spec.withEnv("MARIADB_USER", username).withEnv("MARIADB_PASSWORD", password);
        }
        for (var copy : InitScripts.copies(initScripts)) {
            spec = spec.withFile(copy);
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
        return o instanceof MariaDbSpec p && image.equals(p.image) && database.equals(p.database)
                && username.equals(p.username) && password.equals(p.password) && initScripts.equals(p.initScripts)
                && startupTimeout.equals(p.startupTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, database, username, password, initScripts, startupTimeout);
    }

    @Override
    public String toString() {
        return "MariaDbSpec[" + image + ", database=" + database + ", username=" + username + ", initScripts="
                + initScripts + "]";
    }
}
