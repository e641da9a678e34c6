package dev.berth.modules.postgres;

import dev.berth.BerthException;
import dev.berth.ExecResult;
import dev.berth.RunningContainer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A database's seed kept inside its own server: a template database copied from it, from which the database is
 * created again. The statements run through {@code psql} in the container, as the superuser, connected to a
 * maintenance database (PostgreSQL copies and drops only a database nobody is connected to).
 */
final class DatabaseSeed {
    /** PostgreSQL's longest identifier, in bytes. */
    private static final int MAX_NAME = 63;
    private static final String NO_SEED = "berth: no seed";

    private final RunningContainer container;
    private final String database;
    private final String username;
    private final String seed;

    DatabaseSeed(RunningContainer container, String database, String username) {
        this.container = container;
        this.database = database;
        this.username = username;
        String name = "berth_seed_" + database;
        this.seed = name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME ? name
                : "berth_seed_" + Integer.toHexString(database.hashCode());
    }

    /** Copies the database into the template, replacing an earlier seed; closes the connections to it first. */
    void save() {
        run("save the seed of", """
                Close the connections to it first (a connection pool reconnects: close the pool), then call \
                saveSeed() again.""",
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = " + literal(database)
                        + " AND pid <> pg_backend_pid()",
                "DROP DATABASE IF EXISTS " + ident(seed),
                "CREATE DATABASE " + ident(seed) + " TEMPLATE " + ident(database),
                "ALTER DATABASE " + ident(seed) + " ALLOW_CONNECTIONS false");
    }

    /** Drops the database, closing every connection to it, and creates it again from the template. */
    void restore() {
        run("reset", "It needs PostgreSQL 13 or later (DROP DATABASE … WITH (FORCE)).",
                "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_database WHERE datname = " + literal(seed)
                        + ") THEN RAISE EXCEPTION '" + NO_SEED + "'; END IF; END$$",
                "DROP DATABASE IF EXISTS " + ident(database) + " WITH (FORCE)",
                "CREATE DATABASE " + ident(database) + " TEMPLATE " + ident(seed));
    }

    private void run(String what, String fix, String... statements) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", username,
                "-d", "postgres".equals(database) ? "template1" : "postgres"));
        for (String s : statements) {
            command.add("-c");
            command.add(s);
        }
        ExecResult result = container.exec(command.toArray(String[]::new));
        if (result.succeeded()) {
            return;
        }
        String error = result.stderr().strip();
        if (error.contains(NO_SEED)) {
            throw new BerthException("Could not reset database \"" + database + "\" of container " + container.name()
                    + ": no seed was saved. Call saveSeed() once the database holds its seed (e.g. at the end of"
                    + " @BeforeAll), then resetToSeed() before each test.");
        }
        throw new BerthException("Could not " + what + " database \"" + database + "\" of container "
                + container.name() + " (psql exited " + result.exitCode() + "): " + error + ". " + fix);
    }

    private static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
