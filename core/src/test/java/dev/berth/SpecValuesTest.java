package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.wait.Wait;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec values are values: equal when built the same way, different when any field differs. */
class SpecValuesTest {

    @Test
    void execSpecsCompareByValue() {
        ExecSpec a = ExecSpec.of("sh", "-c", "true").withUser("1000").withEnv("A", "1").withTimeout(Duration.ofSeconds(5));
        ExecSpec same = ExecSpec.of("sh", "-c", "true").withUser("1000").withEnv("A", "1").withTimeout(Duration.ofSeconds(5));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        for (ExecSpec other : List.of(ExecSpec.of("sh", "-c", "false").withUser("1000").withEnv("A", "1")
                        .withTimeout(Duration.ofSeconds(5)), a.withUser("0"), a.withEnv("A", "2"),
                a.withTimeout(Duration.ofSeconds(6)))) {
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void networkSpecsCompareByValue() {
        NetworkSpec a = NetworkSpec.of("backend").withInternal(true).withDriver("bridge").withLabel("k", "v");
        NetworkSpec same = NetworkSpec.of("backend").withInternal(true).withDriver("bridge").withLabel("k", "v");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        for (NetworkSpec other : List.of(NetworkSpec.of("frontend").withInternal(true).withDriver("bridge")
                .withLabel("k", "v"), a.withInternal(false), a.withDriver("macvlan"), a.withLabel("k", "w"))) {
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void snapshotOptionsCompareByValue() {
        SnapshotOptions a = SnapshotOptions.defaults();
        assertThat(a).isEqualTo(SnapshotOptions.defaults()).hasSameHashCodeAs(SnapshotOptions.defaults());
        for (SnapshotOptions other : List.of(a.withPause(!a.pause()), a.withKeep(!a.keep()),
                a.withCaptureVolumes(!a.captureVolumes()), a.withTmpfsRestore(!a.tmpfsRestore()), a.withComment("x"),
                a.withPrepareCommand("sync"), a.withTag(ImageRef.parse("berth-snapshots/x:1")))) {
            assertThat(other).isNotEqualTo(a);
        }
    }

    /** One spec built field by field in two different orders, with fresh (but equal) parts each time. */
    private static ContainerSpec full(boolean reversed) {
        ContainerSpec s = ContainerSpec.of(Fixtures.BUSYBOX);
        List<java.util.function.UnaryOperator<ContainerSpec>> steps = List.of(
                c -> c.withName("db"), c -> c.withCommand("sleep", "600"), c -> c.withEntrypoint("/bin/sh", "-c"),
                c -> c.withEnv("A", "1"), c -> c.withEnv("B", "2"), c -> c.withLabel("team", "berth"),
                c -> c.withExposedPorts(6379), c -> c.withFixedPort(80, 18080), c -> c.withWorkingDir("/data"),
                c -> c.withFile(new FileCopy("/etc/motd", new FileCopy.Bytes(new byte[] {1, 2, 3}), 0644)),
                c -> c.withMount(Mount.volume("data", "/data")), c -> c.withNetwork("backend", "db"),
                c -> c.withDependsOn("cache"), c -> c.waitingFor(Wait.forLogMessage(".*ready.*", 1)),
                c -> c.withStartupTimeout(Duration.ofSeconds(30)), c -> c.withStopPolicy(StopPolicy.graceful(Duration.ofSeconds(3))),
                c -> c.withPullPolicy(PullPolicy.ALWAYS), c -> c.withLimits(Limits.memory("64m")),
                c -> c.withNamespaces(Namespaces.defaults().withHostname("db-1")),
                c -> c.withSecurity(Security.defaults().withUser("1000").withTmpfs("/run", "size=8m")),
                c -> c.withHealthcheck(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), 3)),
                c -> c.withSnapshotPrepare("sync"));
        List<java.util.function.UnaryOperator<ContainerSpec>> order = new java.util.ArrayList<>(steps);
        if (reversed) {
            java.util.Collections.reverse(order);
        }
        for (java.util.function.UnaryOperator<ContainerSpec> step : order) {
            s = step.apply(s);
        }
        return s;
    }

    @Test
    void containerSpecsBuiltTwoWaysAreEqualWithEqualFingerprints() {
        ContainerSpec a = full(false);
        ContainerSpec b = full(true);
        assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void containerSpecsDifferingInOneFieldAreNotEqual() {
        ContainerSpec a = full(false);
        List<ContainerSpec> changed = List.of(a.withImage(ImageRef.parse(Fixtures.REDIS)), a.withName("db2"),
                a.withCommand("sleep", "601"), a.withEntrypoint("/bin/ash"), a.withEnv("A", "9"),
                a.withLabel("team", "other"), a.withExposedPorts(6380), a.withFixedPort(80, 18081),
                a.withWorkingDir("/tmp"), a.withFile(new FileCopy("/etc/motd", new FileCopy.Bytes(new byte[] {9}), 0644)),
                a.withMount(Mount.volume("more", "/more")), a.withNetwork("frontend"), a.withDependsOn("queue"),
                a.waitingFor(Wait.forLogMessage(".*go.*", 1)), a.withStartupTimeout(Duration.ofSeconds(31)),
                a.withStopPolicy(StopPolicy.kill()), a.withPullPolicy(PullPolicy.NEVER),
                a.withLimits(Limits.memory("65m")), a.withNamespaces(Namespaces.defaults().withHostname("db-2")),
                a.withSecurity(a.security().withUser("1001")),
                a.withSecurity(a.security().withTmpfs("/run", "size=9m")),
                a.withHealthcheck(new Healthcheck(List.of("CMD", "false"), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), 3)),
                a.withSnapshotPrepare("sync", "-f"));
        for (ContainerSpec other : changed) {
            assertThat(other).as(other.toString()).isNotEqualTo(a);
            assertThat(other.fingerprint()).as(other.toString()).isNotEqualTo(a.fingerprint());
        }
        assertThat(changed).doesNotHaveDuplicates();
    }

    @Test
    void toStringsNameTheFieldsSetButNoEnvironmentValues() {
        ContainerSpec spec = ContainerSpec.of(Fixtures.BUSYBOX).withName("db").withEnv("DB_PASSWORD", "s3cret")
                .withExposedPorts(5432);
        assertThat(spec).hasToString("ContainerSpec[db " + Fixtures.BUSYBOX + ", env=[DB_PASSWORD], exposedPorts=[5432]]");
        assertThat(ExecSpec.of("id").withUser("nobody").withEnv("TOKEN", "t0k3n"))
                .hasToString("ExecSpec[command=[id], user=nobody, env=[TOKEN], timeout=PT1M]");
        assertThat(new FileCopy.Bytes(new byte[] {1, 2})).hasToString("Bytes[2 bytes]")
                .isEqualTo(new FileCopy.Bytes(new byte[] {1, 2}));
    }
}
