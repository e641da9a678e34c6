package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import dev.berth.PhaseEvent;
import dev.berth.RunningContainer;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a reset's time goes (issue 18, scenario 4): one round is a restore of scenario 4's seeded snapshot
 * ({@code engine.start(snapshot.spec())}) and a {@code docker start} of the stopped seeded container, each until a
 * query sees the rows. Each is split into steps on one wall clock: the engine calls (Berth's phase events, or the
 * start call), the container's start as the engine records it ({@code State.StartedAt}), PostgreSQL's own log
 * ({@code starting PostgreSQL} … {@code ready to accept connections}, millisecond timestamps) and the client's
 * connect and query. Not part of {@link BenchMain}'s rounds; prints a table of medians.
 *
 * <pre>java -cp … dev.berth.bench.ResetProfile 10</pre>
 */
public final class ResetProfile {
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String[] STEPS = {"engine calls until the start returned", "start returned → StartedAt",
        "StartedAt → PostgreSQL starting (the restore's cp -a into tmpfs)", "PostgreSQL starting → ready",
        "ready → connected", "connected → rows seen", "total"};

    private ResetProfile() {
    }

    /**
     * @param args the number of rounds (default 10)
     * @throws Exception if the engine or the database fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length == 0 ? 10 : Integer.parseInt(args[0]);
        Map<String, List<Long>> restore = new ConcurrentHashMap<>();
        Map<String, List<Long>> start = new ConcurrentHashMap<>();
        List<String> phases = new ArrayList<>();
        String stash = "";
        try (PgReset reset = new PgReset()) {
            Map<String, List<PhaseEvent>> events = new ConcurrentHashMap<>();
            reset.engine().addPhaseListener(e -> events.computeIfAbsent(e.containerId(), k -> new ArrayList<>()).add(e));
            for (int i = 0; i <= rounds; i++) {
                Instant t0 = Instant.now();
                long[] marks = new long[4];
                String id;
                try (RunningContainer pg = reset.engine().start(reset.seeded().spec())) {
                    marks[0] = since(t0);
                    id = pg.id();
                    try (Connection c = PgReset.connect(pg)) {
                        marks[1] = since(t0);
                        PgReset.requireRows(c);
                        marks[2] = since(t0);
                    }
                    if (i == 0) {
                        stash = pg.exec("sh", "-c", "du -sk /.berth-volumes | cut -f1; find /.berth-volumes -type f"
                                + " | wc -l").stdout().trim().replace('\n', ' ');
                    }
                    if (i > 0) {
                        record(restore, t0, marks, reset.engine().docker(), id);
                        phases.add(phaseLine(events.getOrDefault(id, List.of())));
                    }
                }
                DockerClient docker = reset.engine().docker();
                String stopped = reset.stoppedSeeded().id();
                t0 = Instant.now();
                docker.startContainerCmd(stopped).exec();
                marks[0] = since(t0);
                int port = Integer.parseInt(docker.inspectContainerCmd(stopped).exec().getNetworkSettings().getPorts()
                        .getBindings().get(ExposedPort.tcp(5432))[0].getHostPortSpec());
                try (Connection c = PgReset.connect(reset.stoppedSeeded().host(), port)) {
                    marks[1] = since(t0);
                    PgReset.requireRows(c);
                    marks[2] = since(t0);
                }
                if (i > 0) {
                    record(start, t0, marks, docker, stopped);
                }
                docker.stopContainerCmd(stopped).withTimeout(30).exec();
            }
        }
        System.out.println("Rounds: " + rounds + " after 1 warm-up; medians in ms, (min–max). The snapshot's volume"
                + " stash (KiB, files): " + stash);
        System.out.println();
        System.out.println("| step | Berth snapshot restore | docker start (seeded, stopped) |");
        System.out.println("|---|---:|---:|");
        for (String step : STEPS) {
            System.out.println("| " + step + " | " + cell(restore.get(step)) + " | " + cell(start.get(step)) + " |");
        }
        System.out.println();
        System.out.println("Berth's phases per restore (create, start incl. copies and network joins, wait), ms:");
        phases.forEach(p -> System.out.println("- " + p));
    }

    private static void record(Map<String, List<Long>> into, Instant t0, long[] marks, DockerClient docker, String id) {
        Instant startedAt = Instant.parse(docker.inspectContainerCmd(id).exec().getState().getStartedAt());
        List<String> log = new ArrayList<>();
        try {
            docker.logContainerCmd(id).withStdErr(true).withStdOut(true).exec(
                    new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame f) {
                            log.add(new String(f.getPayload()));
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Instant starting = last(log, "starting PostgreSQL");
        Instant ready = last(log, "database system is ready to accept connections");
        long started = Duration.between(t0, startedAt).toMillis();
        long pgStart = Duration.between(t0, starting).toMillis();
        long pgReady = Duration.between(t0, ready).toMillis();
        add(into, STEPS[0], marks[0]);
        add(into, STEPS[1], started - marks[0]);
        add(into, STEPS[2], pgStart - started);
        add(into, STEPS[3], pgReady - pgStart);
        add(into, STEPS[4], marks[1] - pgReady);
        add(into, STEPS[5], marks[2] - marks[1]);
        add(into, STEPS[6], marks[2]);
    }

    /** @return the time of the last log line containing the text (the stopped container's log holds every boot) */
    private static Instant last(List<String> log, String text) {
        Instant found = null;
        for (String chunk : log) {
            for (String line : chunk.split("\n")) {
                if (line.contains(text) && line.matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")) {
                    found = LocalDateTime.parse(line.substring(0, 23), PG_TIME).toInstant(ZoneOffset.UTC);
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("No log line \"" + text + "\" in " + String.join("", log));
        }
        return found;
    }

    private static String phaseLine(List<PhaseEvent> events) {
        StringBuilder b = new StringBuilder();
        for (PhaseEvent e : events) {
            b.append(e.phase()).append(' ').append(Duration.between(e.start(), e.end()).toMillis()).append("  ");
        }
        return b.toString().trim();
    }

    private static void add(Map<String, List<Long>> into, String step, long ms) {
        into.computeIfAbsent(step, k -> new ArrayList<>()).add(ms);
    }

    private static long since(Instant t0) {
        return Duration.between(t0, Instant.now()).toMillis();
    }

    private static String cell(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) + " (" + sorted.get(0) + "–" + sorted.get(sorted.size() - 1) + ")";
    }
}
