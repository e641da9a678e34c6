package dev.berth;

/** Fixture image references, served by the loopback registry. */
public final class Fixtures {
    /** busybox-static: sh, httpd, nc, wget; CMD sh. */
    public static final String BUSYBOX = "localhost:5000/berth-fixtures/busybox:1";
    /** Redis 7 on 6379. */
    public static final String REDIS = "localhost:5000/berth-fixtures/redis:7";
    /** nginx on 80. */
    public static final String NGINX = "localhost:5000/berth-fixtures/nginx:1";

    private Fixtures() {
    }

    /** @return a busybox spec that just sleeps */
    public static ContainerSpec sleeper() {
        return ContainerSpec.of(BUSYBOX).withCommand("sleep", "600");
    }
}
