package dev.berth.modules;

import dev.berth.RunningContainer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The readiness probe of the SQL modules: opens a JDBC connection to the published port with the
 * module's credentials and runs {@code SELECT 1}. A rejected login ends the wait at once. Which driver
 * answers is the caller's classpath's business; the first URL form a registered driver accepts is used.
 */
public final class JdbcProbe implements ProtocolWait.Probe {
    private final String service;
    private final List<Function<RunningContainer, String>> urls;
    private final String user;
    private final String password;
    private final Set<String> authStates;
    private final String driverHint;

    /**
     * @param service e.g. {@code "PostgreSQL"}
     * @param urls JDBC URL forms for a started container, tried in order until a driver accepts one
     * @param user the login
     * @param password its password
     * @param authStates SQL states (or vendor codes as text) meaning "login rejected"
     * @param driverHint the dependency to add when no driver accepts any URL form
     */
    public JdbcProbe(String service, List<Function<RunningContainer, String>> urls, String user, String password,
                     Set<String> authStates, String driverHint) {
        this.service = service;
        this.urls = List.copyOf(urls);
        this.user = user;
        this.password = password;
        this.authStates = Set.copyOf(authStates);
        this.driverHint = driverHint;
    }

    @Override
    public void probe(RunningContainer container) throws Exception {
        String url = driverUrl(container);
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        try (Connection c = DriverManager.getDriver(url).connect(url, props); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            if (authStates.contains(e.getSQLState()) || authStates.contains(String.valueOf(e.getErrorCode()))) {
                throw new ProtocolWait.Rejected(service + " rejected the login of user \"" + user + "\" at " + url
                        + ": " + e.getMessage().lines().findFirst().orElse("") + ". Check the username and password"
                        + " (a database created earlier, e.g. from a snapshot, keeps its own)", e);
            }
            throw e;
        }
    }

    private String driverUrl(RunningContainer container) throws ProtocolWait.Rejected {
        for (Function<RunningContainer, String> form : urls) {
            String url = form.apply(container);
            try {
                DriverManager.getDriver(url);
                return url;
            } catch (SQLException e) {
                // no driver for this form; try the next
            }
        }
        throw new ProtocolWait.Rejected("no JDBC driver on the classpath accepts " + urls.get(0).apply(container)
                + "; add " + driverHint + " to the test dependencies", null);
    }
}
