package dev.berth.modules.jdbc;

import dev.berth.Berth;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.modules.mariadb.MariaDbContainer;
import dev.berth.modules.mariadb.MariaDbSpec;
import dev.berth.modules.postgres.PostgresContainer;
import dev.berth.modules.postgres.PostgresSpec;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases the {@code jdbc:berth:} driver started, one per URL and credentials, on one engine opened
 * on the first connection. The engine's shutdown hook removes them when the JVM exits.
 */
final class StartedDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(StartedDatabases.class);

    /** Where and how to connect to a started database. */
    record Target(String url, String user, String password) { }

    private final Map<String, Target> started = new HashMap<>();
    private Engine engine;

    /**
     * @param url the parsed URL
     * @param user the requested user, or null for {@code test}
     * @param password the requested password, or null for {@code test}
     * @return the real driver's URL and credentials, starting the database if needed
     */
    synchronized Target obtain(BerthUrl url, String user, String password) {
        String u = user == null || user.isEmpty() ? "test" : user;
        String p = password == null || password.isEmpty() ? "test" : password;
        String key = url + "\u0000" + u + "\u0000" + p;
        Target target = started.get(key);
        if (target == null) {
            target = start(url, u, p);
            started.put(key, target);
        }
        return target;
    }

    private Target start(BerthUrl url, String user, String password) {
        if (engine == null) {
            engine = Berth.connect();
        }
        long begin = System.nanoTime();
        Target target;
        if (url.service().equals("postgresql")) {
            PostgresSpec spec = PostgresSpec.of().withImage("postgres:" + url.version()).withDatabase(url.database())
                    .withUsername(user).withPassword(password);
            for (String script : url.initScripts()) {
                spec = spec.withInitScript(script);
            }
            PostgresContainer db = spec.start(engine);
            RunningContainer c = db.container();
            target = new Target(url.target("postgresql", c.host(), db.port()), user, password);
        } else {
            MariaDbSpec spec = MariaDbSpec.of().withImage("mariadb:" + url.version()).withDatabase(url.database())
                    .withUsername(user).withPassword(password);
            for (String script : url.initScripts()) {
                spec = spec.withInitScript(script);
            }
            MariaDbContainer db = spec.start(engine);
            RunningContainer c = db.container();
            String scheme = mariaDbDriverPresent(url, c, db.port()) ? "mariadb" : "mysql";
            target = new Target(url.target(scheme, c.host(), db.port()), user, password);
        }
        LOG.info("jdbc:berth: started {} {} for {} in {} ms", url.service(), url.version(), url.database(),
                (System.nanoTime() - begin) / 1_000_000);
        return target;
    }

    private static boolean mariaDbDriverPresent(BerthUrl url, RunningContainer c, int port) {
        try {
            java.sql.DriverManager.getDriver(url.target("mariadb", c.host(), port));
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
