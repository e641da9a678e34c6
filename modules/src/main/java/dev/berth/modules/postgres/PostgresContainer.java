package dev.berth.modules.postgres;

import dev.berth.RunningContainer;
import java.util.List;
import java.util.Objects;

/**
 * A running PostgreSQL server: connection strings and credentials. Closing it removes the container.
 */
public final class PostgresContainer implements AutoCloseable {
    private final RunningContainer container;
    private final String database;
    private final String username;
    private final String password;
    private final DatabaseSeed seed;

    PostgresContainer(RunningContainer container, PostgresSpec spec) {
        this(container, spec.database(), spec.username(), spec.password());
    }

    private PostgresContainer(RunningContainer container, String database, String username, String password) {
        this.container = Objects.requireNonNull(container, "container");
        this.database = database;
        this.username = username;
        this.password = password;
        this.seed = new DatabaseSeed(container, database, username);
    }

    /**
     * Attaches to a PostgreSQL container started elsewhere (e.g. by {@code Engine.startAll} or the JUnit
     * extension), reading the credentials from its {@code POSTGRES_*} environment.
     *
     * @param container a running container of a PostgreSQL image
     * @return its handle (closing it removes the container)
     */
    public static PostgresContainer of(RunningContainer container) {
        var env = container.spec().env();
        String user = env.getOrDefault("POSTGRES_USER", "postgres");
        return new PostgresContainer(container, env.getOrDefault("POSTGRES_DB", user), user,
                env.getOrDefault("POSTGRES_PASSWORD", ""));
    }

    static String url(RunningContainer c, String database) {
        return "jdbc:postgresql://" + c.host() + ":" + c.mappedPort(PostgresSpec.PORT) + "/" + database;
    }

    /** @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>} */
    public String jdbcUrl() {
        return url(container, database);
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
        return container.mappedPort(PostgresSpec.PORT);
    }

    /**
     * @return what to run in the container before a snapshot: {@code CHECKPOINT}, so copies start without
     *     crash recovery (core's snapshot options' prepare command; {@code @ResetPerTest(prepare = …)})
     */
    public List<String> snapshotPrepareCommand() {
        return prepareCommand(username, database);
    }

    /**
     * @param username the superuser
     * @param database a database it may connect to
     * @return the {@code CHECKPOINT} command
     */
    public static List<String> prepareCommand(String username, String database) {
        return List.of("psql", "-U", username, "-d", database, "-c", "CHECKPOINT");
    }

    /**
     * Keeps the database's current content as its seed, for {@link #resetToSeed()}: PostgreSQL copies it into a
     * template database, {@code berth_seed_<database>}, inside the same server (no container is started or
     * committed). Connections to the database are closed first: PostgreSQL copies only a database nobody is
     * connected to, so close a connection pool before (it would reconnect). Calling it again replaces the seed.
     *
     * @throws dev.berth.BerthException naming the database, the container and psql's error when the copy fails
     */
    public void saveSeed() {
        seed.save();
    }

    /**
     * Puts the database back to the seed {@link #saveSeed()} kept: drops it, closing every connection to it, and
     * creates it again from the template — a few hundred milliseconds for a database of megabytes, against a
     * container start for a snapshot restore. Everything inside the database comes back as seeded (tables, rows,
     * sequences, functions, its grants); what lives outside it does not (roles, other databases, server settings):
     * reset those with a container snapshot ({@code @ResetPerTest}) instead. One test at a time per database:
     * connections of a test still running are closed. Needs PostgreSQL 13 or later.
     *
     * @throws dev.berth.BerthException when no seed was saved, or naming psql's error when the reset fails
     */
    public void resetToSeed() {
        seed.restore();
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
        return "PostgresContainer[" + container.name() + ", database=" + database + "]";
    }
}
