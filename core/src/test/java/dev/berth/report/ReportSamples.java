package dev.berth.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fixed report for exact-text rendering tests. */
final class ReportSamples {
    static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    private ReportSamples() {
    }

    static FailureReport sample() {
        EngineSection engine = new EngineSection("unix:///var/run/docker.sock", "20.10.24+dfsg1", "1.41",
                "Debian GNU/Linux 12 (bookworm)", "x86_64", "6.1.0-18-amd64", "cgroupfs", "1", "overlay2", 2,
                25_769_803_776L, List.of("name=seccomp,profile=default"), 3, 7, 12);
        ImageSection redisImage = new ImageSection("localhost:5000/berth-fixtures/redis:7",
                "sha256:ee62574696d4a09d1fcf5a58c33f9449e51052ee222249d46f7b1ab0ad2c51da",
                List.of("localhost:5000/berth-fixtures/redis@sha256:0123456789abcdef"), 134_091_874L,
                "2026-11-27T18:56:00Z", List.of(
                        new ImageSection.HistoryRow("sha256:aaaabbbbccccdddd", NOW.minusSeconds(240).getEpochSecond(),
                                "/bin/sh -c #(nop)  CMD [\"redis-server\"]", 0, ""),
                        new ImageSection.HistoryRow("<missing>", NOW.minusSeconds(3 * 86400).getEpochSecond(),
                                "/bin/sh -c echo a|b", 1_984_512, "imported")));
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("Memory", "16777216 (16MiB)");
        limits.put("MemorySwap", "16777216 (16MiB)");
        ContainerSection.State running = new ContainerSection.State("running", 0L, false, false, "", 0,
                "2026-11-27T18:59:50.123456789Z", "0001-01-01T00:00:00Z", "healthy", 0,
                List.of(new ContainerSection.Probe("2026-11-27T18:59:55Z", "2026-11-27T18:59:55.1Z", 0L, "PONG")));
        ContainerSection redis = new ContainerSection("c0ffee0000000000000000000000000000000000000000000000000000000001",
                "berth-cache-1234", "localhost:5000/berth-fixtures/redis:7", redisImage.id(), running,
                List.of("redis-server", "--requirepass", SecretMasker.MASK), List.of("REDIS_PASSWORD=****", "LANG=C.UTF-8"),
                List.of("6379/tcp -> 127.0.0.1:32768"),
                List.of(new ContainerSection.Attachment("berth-net-1", List.of("cache"), "172.18.0.2/16")),
                limits, Map.of("NetworkMode", "berth-net-1"), Map.of("User", "redis"));
        StatsSection stats = new StatsSection(1_234_567L, 16_777_216L, 0.25, "live", 5L, 1_500L, 0L, 0L, 4_096L);
        ContainerReport cache = new ContainerReport("cache", redis, redisImage,
                List.of("1:M 27 Nov 2026 18:59:50.200 * Ready to accept connections tcp", "AUTH ****"), stats);
        ContainerSection.State oom = new ContainerSection.State("exited", 137L, true, false, "", 0,
                "2026-11-27T18:59:51Z", "2026-11-27T18:59:52Z", null, null, List.of());
        ContainerSection hog = new ContainerSection("deadbeef00000000000000000000000000000000000000000000000000000002",
                "berth-hog-1234", "localhost:5000/berth-fixtures/busybox:1", "sha256:f883c4352e7d0000", oom,
                List.of("sh", "-c", "head -c 100m /dev/zero | tail"), List.of(), List.of(), List.of(),
                limits, Map.of(), Map.of());
        ContainerReport hogReport = new ContainerReport("hog", hog, null, List.of(), null);
        NetworkSection net = new NetworkSection("berth-net-1", "n1", "bridge", List.of(
                new NetworkSection.Member("berth-cache-1234", "172.18.0.2/16", List.of("cache", "c0ffee000000"))));
        return new FailureReport("OrdersTest > savesOrder()", NOW, Duration.ofMillis(412), engine,
                List.of(cache, hogReport), List.of(net), List.of("image of hog (timed out after 500 ms)"));
    }
}
