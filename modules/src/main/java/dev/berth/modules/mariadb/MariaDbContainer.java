package dev.berth.modules.mariadb;

import dev.berth.RunningContainer;
import java.util.List;
import java.util.Objects;

/**
 * A running MariaDB server: connection strings for the MariaDB and the MySQL JDBC drivers, and the
 * credentials. Closing it removes the container.
 */
public final class MariaDbContainer implements AutoCloseable {
    /** {@code FLUSH TABLES} as root; the password comes from the container's environment, not the command line. */
    static final List<String> PREPARE = List.of("sh", "-c",
            "MYSQL_PWD=\"${MARIADB_ROOT_PASSWORD:-$MYSQL_ROOT_PASSWORD}\" mariadb -uroot -e 'FLUSH TABLES'");
    private final RunningContainer container;
    private final String database;
    private final String username;
    private final String password;

    MariaDbContainer(RunningContainer container, MariaDbSpec spec) {
        this(container, spec.database(), spec.username(), spec.password());
    }

    private MariaDbContainer(RunningContainer container, String database, String username, String password) {
        this.container = Objects.requireNonNull(container, "container");
        this.database = database;
        this.username = username;
        this.password = password;
    }

    /**
     * Attaches to a MariaDB container started elsewhere, reading the credentials from its
     * {@code MARIADB_*} (or {@code MYSQL_*}) environment.
     *
     * @param container a running container of a MariaDB image
     * @return its handle (closing it removes the container)
     */
    public static MariaDbContainer of(RunningContainer container) {
        var env = container.spec().env();
        String root = env.getOrDefault("MARIADB_ROOT_PASSWORD", env.getOrDefault("MYSQL_ROOT_PASSWORD", ""));
        String user = env.getOrDefault("MARIADB_USER", env.getOrDefault("MYSQL_USER", "root"));
        String password = user.equals("root") ? root : env.getOrDefault("MARIADB_PASSWORD", env.getOrDefault("MYSQL_PASSWORD", ""));
        return new MariaDbContainer(container, env.getOrDefault("MARIADB_DATABASE", env.getOrDefault("MYSQL_DATABASE", "")),
                user, password);
    }

    static String url(String scheme, RunningContainer c, String database) {
        return "jdbc:" + scheme + "://" + c.host() + ":" + c.mappedPort(MariaDbSpec.PORT) + "/" + database;
    }

    /** @return {@code jdbc:mariadb://127.0.0.1:<port>/<database>}, for the MariaDB driver */
    public String jdbcUrl() {
        return url("mariadb", container, database);
    }

    /** @return {@code jdbc:mysql://127.0.0.1:<port>/<database>}, for the MySQL driver */
    public String mysqlJdbcUrl() {
        return url("mysql", container, database);
    }

    /** @return the user name */
    public String username() {
        return username;
    }

    /** @return the password */
    public String password() {
        return password;
    }

    /** @return the database name */
    public String databaseName() {
        return database;
    }

    /** @return the host port the server is published on */
    public int port() {
        return container.mappedPort(MariaDbSpec.PORT);
    }

    /**
     * @return what to run in the container before a snapshot: {@code FLUSH TABLES} as root, so table files
     *     are written out ({@code @ResetPerTest(prepare = …)}, core's snapshot prepare command)
     */
    public List<String> snapshotPrepareCommand() {
        return PREPARE;
    }

    /** @return the container, for logs, exec, snapshots */
    public RunningContainer container() {
        return container;
    }

    /** Stops and removes the container. Idempotent. */
    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return "MariaDbContainer[" + container.name() + ", database=" + database + "]";
    }
}
