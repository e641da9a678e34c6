package dev.berth.snapshot;

import dev.berth.SnapshotOptions;
import dev.berth.Snapshot;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import com.github.dockerjava.api.model.ExposedPort;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hand measurement for docs/snapshots.md (not a test): snapshot time, restore time-to-first-query,
 * the server's own boot on existing data, and a fresh container + initdb + seed. Run with the test
 * class path: {@code java -cp ... dev.berth.snapshot.SnapshotTimings [rounds]}.
 */
public final class SnapshotTimings {
    private static final ContainerSpec PG = ContainerSpec.of(Docker.POSTGRES).withName("pg").withExposedPorts(5432)
            .withEnv("POSTGRES_PASSWORD", "s3cret");

    private SnapshotTimings() {
    }

    /** @param args optional number of rounds (default 7) */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Long> fresh = new ArrayList<>();
        List<Long> restore = new ArrayList<>();
        List<Long> restoreDisk = new ArrayList<>();
        List<Long> boot = new ArrayList<>();
        List<Long> snap = new ArrayList<>();
        try (Engine engine = Berth.connect()) {
            RunningContainer seededPg = null;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                RunningContainer pg = engine.start(PG);
                seed(pg.host(), pg.mappedPort(5432));
                fresh.add(ms(t0));
                if (seededPg == null) {
                    seededPg = pg;
                } else {
                    pg.close();
                }
            }
            Snapshot snapshot = null;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                Snapshot s = engine.snapshot(seededPg, SnapshotOptions.defaults()
                        .withPrepareCommand("psql", "-U", "postgres", "-c", "CHECKPOINT"));
                snap.add(ms(t0));
                if (snapshot == null) {
                    snapshot = s;
                } else {
                    s.close();
                }
            }
            Snapshot onDisk = engine.snapshot(seededPg, SnapshotOptions.defaults()
                    .withPrepareCommand("psql", "-U", "postgres", "-c", "CHECKPOINT").withTmpfsRestore(false));
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                try (RunningContainer pg = engine.start(snapshot.spec())) {
                    query(pg.host(), pg.mappedPort(5432));
                    restore.add(ms(t0));
                }
                t0 = System.nanoTime();
                try (RunningContainer pg = engine.start(onDisk.spec())) {
                    query(pg.host(), pg.mappedPort(5432));
                    restoreDisk.add(ms(t0));
                }
            }
            for (int i = 0; i < rounds; i++) {
                engine.docker().stopContainerCmd(seededPg.id()).withTimeout(30).exec();
                long t0 = System.nanoTime();
                engine.docker().startContainerCmd(seededPg.id()).exec();
                int port = Integer.parseInt(engine.docker().inspectContainerCmd(seededPg.id()).exec().getNetworkSettings()
                        .getPorts().getBindings().get(ExposedPort.tcp(5432))[0].getHostPortSpec());
                query(seededPg.host(), port);
                boot.add(ms(t0));
            }
            seededPg.close();
        }
        System.out.printf("fresh container + initdb + seed: median %d ms %s%n", median(fresh), fresh);
        System.out.printf("snapshot (checkpoint, pause, commit, volume, build): median %d ms %s%n", median(snap), snap);
        System.out.printf("restore (tmpfs) to first query: median %d ms %s%n", median(restore), restore);
        System.out.printf("restore (anonymous volume) to first query: median %d ms %s%n", median(restoreDisk),
                restoreDisk);
        System.out.printf("docker start of the stopped seeded container to first query: median %d ms %s%n",
                median(boot), boot);
        System.out.printf("tmpfs restore / boot = %.2f, volume restore / boot = %.2f, fresh / tmpfs restore = %.1f%n",
                (double) median(restore) / median(boot), (double) median(restoreDisk) / median(boot),
                (double) median(fresh) / median(restore));
    }

    private static void seed(String host, int port) throws Exception {
        try (Connection c = connect(host, port)) {
            AccountSeed.seed(c);
        }
    }

    private static void query(String host, int port) throws Exception {
        try (Connection c = connect(host, port); var rs = c.createStatement().executeQuery("select count(*) from account")) {
            rs.next();
            if (rs.getLong(1) != 10_000) {
                throw new IllegalStateException("expected 10,000 rows, got " + rs.getLong(1));
            }
        }
    }

    private static Connection connect(String host, int port) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", "postgres",
                        "s3cret");
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(e);
                }
                Thread.sleep(10);
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
