package dev.berth.modules;

import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every JDBC module's spec holds: image, database, user, password, init scripts and startup timeout,
 * validated with messages that name the product ({@code Invalid PostgreSQL database: …}). Immutable; every
 * {@code with…} returns a validated copy. The product specs ({@code PostgresSpec}, {@code MariaDbSpec})
 * add only what differs: port, environment, readiness and snapshot preparation.
 */
public final class JdbcSettings {
    private final String product;
    private final ImageRef image;
    private final String database;
    private final String username;
    private final String password;
    private final List<String> initScripts;
    private final Duration startupTimeout;

    private JdbcSettings(String product, ImageRef image, String database, String username, String password,
                         List<String> initScripts, Duration startupTimeout) {
        this.product = product;
        this.image = image;
        this.database = database;
        this.username = username;
        this.password = password;
        this.initScripts = List.copyOf(initScripts);
        this.startupTimeout = startupTimeout;
    }

    /**
     * @param product the product named in messages, e.g. {@code "PostgreSQL"}
     * @param image the default image, e.g. {@code "postgres:15"}
     * @return database, user and password {@code test}, no init scripts, a 120 s startup timeout
     */
    public static JdbcSettings defaults(String product, String image) {
        return new JdbcSettings(Objects.requireNonNull(product, "product"), ImageRef.parse(image), "test", "test", "test",
                List.of(), Duration.ofSeconds(120));
    }

    /**
     * @param image another image of the product, e.g. {@code "postgres:16"}
     * @return a copy
     */
    public JdbcSettings withImage(String image) {
        return new JdbcSettings(product, ImageRef.parse(image), database, username, password, initScripts, startupTimeout);
    }

    /**
     * @param database the database created at first start, e.g. {@code "shop"}
     * @return a copy
     */
    public JdbcSettings withDatabase(String database) {
        return new JdbcSettings(product, image, Settings.identifier(product + " database", database, "\"shop\""),
                username, password, initScripts, startupTimeout);
    }

    /**
     * @param username the user created at first start, e.g. {@code "app"}
     * @return a copy
     */
    public JdbcSettings withUsername(String username) {
        return new JdbcSettings(product, image, database, Settings.identifier(product + " username", username, "\"app\""),
                password, initScripts, startupTimeout);
    }

    /**
     * @param password the user's password
     * @return a copy
     */
    public JdbcSettings withPassword(String password) {
        return new JdbcSettings(product, image, database, username,
                Settings.password(product + " password", password, "\"s3cret\""), initScripts, startupTimeout);
    }

    /**
     * @param script a {@code .sql} or {@code .sh} file run once when the database is created, after the ones
     *     added before: {@code "classpath:schema.sql"} or a host path
     * @return a copy
     */
    public JdbcSettings withInitScript(String script) {
        List<String> scripts = new ArrayList<>(initScripts);
        scripts.add(InitScripts.check(product + " init script", script));
        return new JdbcSettings(product, image, database, username, password, scripts, startupTimeout);
    }

    /**
     * @param timeout the most time start + readiness may take
     * @return a copy
     */
    public JdbcSettings withStartupTimeout(Duration timeout) {
        return new JdbcSettings(product, image, database, username, password, initScripts,
                Settings.positive(product + " startup timeout", timeout));
    }

    /**
     * @param port the server's port inside the container
     * @return the image with the port exposed, the init scripts copied in and the startup timeout; the product
     *     spec adds environment, readiness and snapshot preparation
     */
    public ContainerSpec containerSpec(int port) {
        ContainerSpec spec = ContainerSpec.of(image).withExposedPorts(port).withStartupTimeout(startupTimeout);
        for (var copy : InitScripts.copies(initScripts)) {
            spec = spec.withFile(copy);
        }
        return spec;
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

    /** @return the startup timeout */
    public Duration startupTimeout() {
        return startupTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcSettings s && product.equals(s.product) && image.equals(s.image)
                && database.equals(s.database) && username.equals(s.username) && password.equals(s.password)
                && initScripts.equals(s.initScripts) && startupTimeout.equals(s.startupTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(product, image, database, username, password, initScripts, startupTimeout);
    }

    @Override
    public String toString() {
        return image + ", database=" + database + ", username=" + username + ", initScripts=" + initScripts;
    }
}
