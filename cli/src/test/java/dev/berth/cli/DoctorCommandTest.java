package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {
    private static final String SKIPS = """
            SKIP engine version: needs an engine
            SKIP cgroups: needs an engine
            SKIP namespaces: needs an engine
            SKIP security modules: needs an engine
            SKIP registry: needs an engine
            SKIP disk space: needs an engine
            SKIP leftovers: needs an engine
            SKIP clock skew: needs an engine
            """;

    @Test
    void healthyEnginePassesEveryCheckAndExitsZero() {
        Cli r = Cli.run("doctor");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("PASS engine discovery: unix:///var/run/docker.sock answered");
        assertThat(lines[1]).isEqualTo("     unix:///var/run/docker.sock (default socket): answered");
        assertThat(r.out())
                .containsPattern("(?m)^PASS engine version: Docker \\S+, API 1\\.\\d+, .+, kernel .+$")
                .containsPattern("(?m)^PASS cgroups: v[12] \\(\\w+\\); limits that work: memory, memory swap, memory reservation, cpus, cpu shares, cpuset cpus, cpuset mems, pids limit, blkio weight, oom kill disable$")
                .containsPattern("(?m)^PASS namespaces: pid, net, ipc, uts, mount per container; user namespaces: not remapped.*$")
                .containsPattern("(?m)^PASS security modules: SELinux (on|off), AppArmor (on|off), seccomp \\w+$")
                .containsPattern("(?m)^PASS registry: loopback registry 127\\.0\\.0\\.1:5000 answers \\(HTTP 200\\)$")
                .containsPattern("(?m)^PASS disk space: \\d+\\.\\d GiB free in /var/lib/docker$")
                .containsPattern("(?m)^(PASS leftovers: none from dead sessions|WARN leftovers: \\d+ resource\\(s\\) of dead sessions)$")
                .containsPattern("(?m)^PASS clock skew: within 2 s \\(engine is \\d+ ms (ahead of|behind) this JVM\\)$");
        assertThat(lines[lines.length - 1]).matches("Berth can run here \\(\\d warning\\(s\\)\\)\\.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonSaysCanRunAndListsEveryCheck() {
        Cli r = Cli.run("doctor", "--json");

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).startsWith("{\"canRun\":true,\"checks\":[{\"name\":\"engine discovery\",\"status\":\"PASS\","
                + "\"detail\":\"unix:///var/run/docker.sock answered\"");
        for (String name : DoctorChecks.ENGINE_CHECKS) {
            assertThat(r.out()).contains("{\"name\":\"" + name + "\",\"status\":\"");
        }
    }

    @Test
    void missingEngineFailsDiscoveryWithTheFixAndExitsThree() {
        String socket = "/tmp/berth-dead-" + UUID.randomUUID() + ".sock";

        Cli r = Cli.withDockerHost("unix://" + socket, "doctor");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("FAIL engine discovery: no engine answered\n"
                + "     unix://" + socket + " (pinned endpoint): no socket at " + socket + "\n"
                + "     fix: start Docker (e.g. systemctl start docker, or scripts/ensure-engine), or set DOCKER_HOST to "
                + "where an engine listens (unix:///path/to/docker.sock or tcp://host:2376)\n"
                + SKIPS
                + "Berth cannot run here: 1 check(s) failed, 0 warning(s).\n");
    }

    @Test
    void mainExitsWithTheCodeInAChildJvm() throws Exception {
        String socket = "/tmp/berth-dead-" + UUID.randomUUID() + ".sock";
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "doctor", "--json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(3);
        assertThat(out).startsWith("{\"canRun\":false,\"checks\":[{\"name\":\"engine discovery\",\"status\":\"FAIL\","
                + "\"detail\":\"no engine answered\",\"lines\":[\"unix://" + socket + " (pinned endpoint): no socket at "
                + socket + "\"],\"fix\":\"start Docker");
    }
}
