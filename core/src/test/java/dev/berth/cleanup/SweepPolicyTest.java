package dev.berth.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.cleanup.ProcessProbe.Liveness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sweep rules, from labels alone, with a fixed clock and a scripted process probe. */
class SweepPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String NS = "pid:[4026531836]";

    private static SweepPolicy dead(boolean localEngine, Liveness liveness) {
        return new SweepPolicy(SweepPolicy.Mode.DEAD, Duration.ofHours(1), localEngine, "ci-7", NS, "own-session",
                (pid, created) -> liveness, CLOCK);
    }

    private static Map<String, String> labels(String session, long pid, String host, Duration age) {
        Map<String, String> l = new HashMap<>();
        l.put("dev.berth.session", session);
        l.put("dev.berth.pid", Long.toString(pid));
        l.put("dev.berth.host", host);
        l.put("dev.berth.created", Long.toString(NOW.minus(age).getEpochSecond()));
        l.put("dev.berth.pidns", NS);
        return l;
    }

    @Test
    void sameHostGoneOrReusedPidIsSweptWhateverItsAge() {
        Map<String, String> l = labels("s1", 42, "ci-7", Duration.ofSeconds(3));
        assertThat(dead(true, Liveness.GONE).verdict(l)).contains("process 42 on ci-7 is gone");
        assertThat(dead(true, Liveness.REUSED).verdict(l)).contains("pid 42 on ci-7 now belongs to a later process");
    }

    @Test
    void sameHostLivePidIsNeverSweptEvenWhenOld() {
        assertThat(dead(true, Liveness.ALIVE).verdict(labels("s1", 42, "ci-7", Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void otherHostIsSweptOnlyAfterTheMaximumAge() {
        SweepPolicy p = dead(true, Liveness.GONE);
        assertThat(p.verdict(labels("s1", 42, "ci-8", Duration.ofMinutes(59)))).isEmpty();
        assertThat(p.verdict(labels("s1", 42, "ci-8", Duration.ofSeconds(3725)))).contains(
                "session from host ci-8 (its process cannot be checked here) older than 1h (created 1h2m5s ago)");
    }

    @Test
    void remoteEngineUsesTheAgeRuleEvenForThisHostName() {
        SweepPolicy p = dead(false, Liveness.GONE);
        assertThat(p.verdict(labels("s1", 42, "ci-7", Duration.ofMinutes(30)))).isEmpty();
        assertThat(p.verdict(labels("s1", 42, "ci-7", Duration.ofHours(2))))
                .contains("session on a remote engine older than 1h (created 2h ago)");
    }

    @Test
    void anotherPidNamespaceOnTheSameHostNameUsesTheAgeRule() {
        Map<String, String> l = labels("s1", 42, "ci-7", Duration.ofMinutes(5));
        l.put("dev.berth.pidns", "pid:[4026532999]");
        assertThat(dead(true, Liveness.GONE).verdict(l)).isEmpty();
    }

    @Test
    void neverSweepsKeptOwnUnlabelledOrUndatedResources() {
        SweepPolicy p = dead(true, Liveness.GONE);
        Map<String, String> kept = labels("s1", 42, "ci-7", Duration.ofDays(9));
        kept.put("dev.berth.keep", "true");
        Map<String, String> undated = labels("s1", 42, "ci-7", Duration.ofDays(9));
        undated.remove("dev.berth.created");
        assertThat(p.verdict(kept)).isEmpty();
        assertThat(p.verdict(labels("own-session", 42, "ci-7", Duration.ofDays(9)))).isEmpty();
        assertThat(p.verdict(Map.of("maintainer", "someone"))).isEmpty();
        assertThat(p.verdict(null)).isEmpty();
        assertThat(p.verdict(undated)).isEmpty();
    }

    @Test
    void olderThanModeIgnoresLivenessButNotKeep() {
        SweepPolicy p = new SweepPolicy(SweepPolicy.Mode.OLDER_THAN, Duration.ofMinutes(30), true, "ci-7", NS, null,
                (pid, created) -> Liveness.ALIVE, CLOCK);
        assertThat(p.verdict(labels("s1", 42, "ci-7", Duration.ofMinutes(45)))).contains("older than 30m (created 45m ago)");
        assertThat(p.verdict(labels("s1", 42, "ci-7", Duration.ofMinutes(10)))).isEmpty();
        Map<String, String> kept = labels("s1", 42, "ci-7", Duration.ofDays(1));
        kept.put("dev.berth.keep", "TRUE");
        assertThat(p.verdict(kept)).isEqualTo(Optional.empty());
    }

    @Test
    void unparseablePidFallsBackToTheAgeRule() {
        Map<String, String> l = labels("s1", 42, "ci-7", Duration.ofHours(3));
        l.put("dev.berth.pid", "n/a");
        assertThat(dead(true, Liveness.ALIVE).verdict(l))
                .contains("session from host ci-7 (its process cannot be checked here) older than 1h (created 3h ago)");
    }
}
