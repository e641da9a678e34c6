package dev.berth.modules.jdbc;

import dev.berth.BerthException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:berth:} driver, registered through {@code ServiceLoader}: a URL such as
 * {@code jdbc:berth:postgresql:15:///shop?init=classpath:schema.sql} starts that database in a container on
 * the first connection (image {@code postgres:15} / {@code mariadb:<version>}, subject to core's image
 * substitution), reuses it for every later connection with the same URL and credentials in this JVM, and
 * leaves its removal to the engine's shutdown hook. The {@code user} and {@code password} given to the
 * driver become the database's credentials ({@code test}/{@code test} when absent); parameters other than
 * {@code init} are passed through to the PostgreSQL or MariaDB driver, which must be on the classpath.
 * An invalid URL fails with an {@link SQLException} whose message is core's
 * {@code Invalid <field>: <value>. Allowed: … Example: …}.
 */
public final class BerthDriver implements Driver {
    static {
        try {
            DriverManager.registerDriver(new BerthDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final StartedDatabases databases = new StartedDatabases();

    /** Created by {@link DriverManager}'s service loading; register nothing else by hand. */
    public BerthDriver() {
        // state lives in this instance
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties props = info == null ? new Properties() : info;
        StartedDatabases.Target target;
        try {
            target = databases.obtain(BerthUrl.parse(url), props.getProperty("user"), props.getProperty("password"));
        } catch (BerthException e) {
            throw new SQLException(e.getMessage(), "08001", e);
        }
        Properties forward = new Properties();
        forward.putAll(props);
        forward.setProperty("user", target.user());
        forward.setProperty("password", target.password());
        Driver real = DriverManager.getDriver(target.url());
        return real.connect(target.url(), forward);
    }

    @Override
    public boolean acceptsURL(String url) {
        return BerthUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the jdbc:berth: driver logs through SLF4J");
    }
}
