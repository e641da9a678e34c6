package dev.berth.foundation;

import java.nio.file.Path;

/** Names of the fixture images and archive that scripts/ensure-engine provides. */
final class Fixtures {
    static final String REGISTRY = "localhost:5000";
    static final String BUSYBOX = REGISTRY + "/berth-fixtures/busybox:1";
    static final String REDIS = REGISTRY + "/berth-fixtures/redis:7";
    static final String POSTGRES = REGISTRY + "/berth-fixtures/postgres:15";
    static final String NGINX = REGISTRY + "/berth-fixtures/nginx:1";

    private Fixtures() {
    }

    /** @return the busybox archive written by scripts/build-fixtures */
    static Path busyboxArchive() {
        String dir = System.getProperty("berth.fixtures.dir",
                System.getProperty("user.home") + "/.cache/berth/fixtures");
        return Path.of(dir, "busybox.tar");
    }
}
