package dev.berth;

import java.nio.file.Path;

/** Fixture image references, served by the loopback registry. */
public final class Fixtures {
    /** busybox-static: sh, httpd, nc, wget; CMD sh. */
    public static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
    /** Redis 7 on 6379. */
    public static final String REDIS = "localhost:5000/berth-fixtures/redis:7";
    /** nginx on 80. */
    public static final String NGINX = "localhost:5000/berth-fixtures/nginx:1";
    /** PostgreSQL 15 on 5432; POSTGRES_PASSWORD/USER/DB; VOLUME /var/lib/postgresql/data. */
    public static final String POSTGRES = "localhost:5000/berth-fixtures/postgres:15";
    /** The loopback registry the fixtures are served from. */
    public static final String REGISTRY = "localhost:5000";

    private Fixtures() {
    }

    /** @return the busybox archive scripts/build-fixtures writes (system property berth.fixtures.dir) */
    public static Path busyboxArchive() {
        return Path.of(System.getProperty("berth.fixtures.dir",
                System.getProperty("user.home") + "/.cache/berth/fixtures"), "busybox.tar");
    }

    /** @return a busybox spec that just sleeps */
    public static ContainerSpec sleeper() {
        return ContainerSpec.of(BUSYBOX).withCommand("sleep", "600");
    }
}
