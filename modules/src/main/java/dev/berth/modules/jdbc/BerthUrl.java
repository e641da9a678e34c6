package dev.berth.modules.jdbc;

import dev.berth.InvalidSpecException;
import dev.berth.modules.InitScripts;
import dev.berth.modules.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code jdbc:berth:} URL: {@code jdbc:berth:<postgresql|mariadb>:<version>:///<database>[?params]}.
 * {@code init} (repeatable, or comma-separated) names init scripts; every other parameter is passed
 * through to the real driver's URL.
 *
 * @param service {@code postgresql} or {@code mariadb}
 * @param version the server version, also the image tag ({@code postgres:15}, {@code mariadb:10.11})
 * @param database the database to create
 * @param initScripts init scripts, in order
 * @param passThrough the other parameters, in order
 */
record BerthUrl(String service, String version, String database, List<String> initScripts, Map<String, String> passThrough) {
    static final String PREFIX = "jdbc:berth:";
    static final String SHAPE = "jdbc:berth:<postgresql|mariadb>:<version>:///<database>[?init=…&other=…]";
    static final String EXAMPLE = "jdbc:berth:postgresql:15:///shop?init=classpath:schema.sql";
    private static final Map<String, List<String>> VERSIONS = Map.of(
            "postgresql", List.of("12", "13", "14", "15", "16", "17"),
            "mariadb", List.of("10.5", "10.6", "10.11", "11.4", "11.8"));
    private static final Map<String, String> EXAMPLE_VERSIONS = Map.of("postgresql", "15", "mariadb", "10.11");

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * @param url the URL
     * @return the parsed URL
     * @throws InvalidSpecException with the exact reason
     */
    static BerthUrl parse(String url) {
        String rest = url.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new InvalidSpecException("jdbc:berth: URL", url, SHAPE, EXAMPLE);
        }
        String service = rest.substring(0, colon);
        List<String> versions = VERSIONS.get(service);
        if (versions == null) {
            throw new InvalidSpecException("jdbc:berth: database", service, "postgresql, mariadb", EXAMPLE);
        }
        rest = rest.substring(colon + 1);
        int slashes = rest.indexOf(":///");
        if (slashes < 0) {
            throw new InvalidSpecException("jdbc:berth: URL", url, SHAPE, EXAMPLE);
        }
        String version = rest.substring(0, slashes);
        if (!versions.contains(version)) {
            throw new InvalidSpecException("jdbc:berth: " + service + " version", version, String.join(", ", versions),
                    "jdbc:berth:" + service + ":" + EXAMPLE_VERSIONS.get(service) + ":///shop");
        }
        rest = rest.substring(slashes + 4);
        int q = rest.indexOf('?');
        String database = q < 0 ? rest : rest.substring(0, q);
        Settings.identifier("jdbc:berth: database name", database, "shop");
        List<String> init = new ArrayList<>();
        Map<String, String> other = new LinkedHashMap<>();
        if (q >= 0) {
            for (String param : rest.substring(q + 1).split("&")) {
                if (param.isEmpty()) {
                    continue;
                }
                int eq = param.indexOf('=');
                String name = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : param.substring(eq + 1);
                if (name.equals("init")) {
                    for (String script : value.split(",")) {
                        init.add(InitScripts.check("jdbc:berth: init script", script));
                    }
                } else {
                    other.put(name, value);
                }
            }
        }
        return new BerthUrl(service, version, database, List.copyOf(init), java.util.Collections.unmodifiableMap(other));
    }

    /**
     * @param scheme the real driver's scheme, e.g. {@code postgresql}
     * @param host the server's host
     * @param port its published port
     * @return {@code jdbc:<scheme>://host:port/database[?passThrough]}
     */
    String target(String scheme, String host, int port) {
        StringBuilder b = new StringBuilder("jdbc:").append(scheme).append("://").append(host).append(':').append(port)
                .append('/').append(database);
        char sep = '?';
        for (var e : passThrough.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return b.toString();
    }
}
