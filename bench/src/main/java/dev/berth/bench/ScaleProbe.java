package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale on one engine: starts N busybox containers one after the other (sleeping, no wait), with raw
 * docker-java (create + start) and with Berth ({@code engine.start}), and reports the time per container as N
 * grows, and for Berth the JVM threads and heap each live container handle holds. Not part of
 * {@link BenchMain}'s rounds: one pass per N, printed as a table.
 *
 * <pre>java -cp … dev.berth.bench.ScaleProbe 10 25 50 100</pre>
 */
public final class ScaleProbe {
    private ScaleProbe() {
    }

    /**
     * @param args the container counts, e.g. {@code 10 25 50 100}
     * @throws Exception if the engine fails
     */
    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"10", "25", "50", "100"} : args) {
            counts.add(Integer.parseInt(a));
        }
        System.out.println("| N | raw ms/container | Berth ms/container | Berth / raw | threads per Berth handle"
                + " | heap KB per Berth handle | Berth threads by name |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---|");
        try (DockerClient raw = RawClients.local(); Engine engine = Berth.connect()) {
            for (int n : counts) {
                double rawMs = raw(raw, n);
                Measured berth = berth(engine, n);
                System.out.printf("| %d | %.1f | %.1f | %.2f× | %.2f | %.1f | %s |%n", n, rawMs, berth.msPer,
                        berth.msPer / rawMs, berth.threadsPer, berth.heapKbPer, berth.threads);
            }
        }
    }

    private static double raw(DockerClient docker, int n) {
        List<String> ids = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String id = docker.createContainerCmd(Fixture.IMAGE).withCmd("sleep", "600")
                    .withLabels(Map.of(Fixture.LABEL, "scale")).exec().getId();
            docker.startContainerCmd(id).exec();
            ids.add(id);
        }
        double msPer = (System.nanoTime() - begin) / 1e6 / n;
        for (String id : ids) {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
        return msPer;
    }

    private static Measured berth(Engine engine, int n) throws InterruptedException {
        ContainerSpec spec = ContainerSpec.of(Fixture.IMAGE).withCommand("sleep", "600");
        settle();
        int threads0 = Thread.activeCount();
        long heap0 = usedHeap();
        List<RunningContainer> live = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < n; i++) {
            live.add(engine.start(spec.withName("scale-" + i)));
        }
        double msPer = (System.nanoTime() - begin) / 1e6 / n;
        settle();
        Measured m = new Measured(msPer, (Thread.activeCount() - threads0) / (double) n,
                (usedHeap() - heap0) / 1024.0 / n, threadNames());
        for (RunningContainer c : live) {
            c.close();
        }
        return m;
    }

    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static String threadNames() {
        Map<String, Integer> byName = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            byName.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        return byName.toString();
    }

    private record Measured(double msPer, double threadsPer, double heapKbPer, String threads) {
    }
}
