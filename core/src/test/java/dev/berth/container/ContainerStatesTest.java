package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.engine.KernelOomLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel-log verdict on an exit 137 the engine does not call OOM-killed: read once per exit. No engine needed. */
class ContainerStatesTest {
    private static final String ID = "d940e18710acc8a20ab64ca669212c2330786eed513d72e7cb5d8c82b4399e4c";
    private static final String KILL = "[ 2222.768545] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=docker-"
            + ID + ".scope,mems_allowed=0,oom_memcg=/docker/" + ID + ",task_memcg=/docker/" + ID + ",task=tail,pid=1,uid=0";

    @TempDir
    Path dir;

    @Test
    void theKernelLogIsReadOncePerExitAndItsVerdictKept() throws Exception {
        Path reads = dir.resolve("reads");
        ContainerStates states = new ContainerStates(countingLog(reads, KILL));
        InspectContainerResponse.ContainerState killed = exited(137, false, "2024-05-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(states.of(killed, ID, true).oomKilled()).isTrue();
        }
        assertThat(Files.readAllLines(reads)).hasSize(1);
        // restarted and killed again: a new exit, asked about anew
        assertThat(states.of(exited(137, false, "2024-05-01T10:05:00Z"), ID, true).oomKilled()).isTrue();
        assertThat(Files.readAllLines(reads)).hasSize(2);
    }

    @Test
    void aNegativeVerdictIsKeptTooAndManyThreadsAgree() throws Exception {
        Path reads = dir.resolve("reads");
        ContainerStates states = new ContainerStates(countingLog(reads, "[ 1.0] nothing"));
        InspectContainerResponse.ContainerState killed = exited(137, false, "2024-05-01T10:00:00Z");
        assertThat(states.of(killed, ID, true).oomKilled()).isFalse();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> states.of(killed, ID, true).oomKilled()));
            }
            for (Future<Boolean> a : answers) {
                assertThat(a.get()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(reads)).hasSize(1);
    }

    @Test
    void aKernelLogThatCouldNotBeReadIsAskedAgainNextTime() throws Exception {
        Path reads = dir.resolve("reads");
        Path readable = dir.resolve("readable");
        // fails (exit 1, as dmesg does when denied) until the file "readable" exists, then prints the kill
        ContainerStates states = new ContainerStates(new KernelOomLog(List.of("sh", "-c",
                "echo read >> \"$0\"; [ -e \"$1\" ] || exit 1; printf '%s\\n' \"$2\"", reads.toString(),
                readable.toString(), KILL)));
        InspectContainerResponse.ContainerState killed = exited(137, false, "2024-05-01T10:00:00Z");
        assertThat(states.of(killed, ID, true).oomKilled()).as("no evidence yet").isFalse();
        assertThat(states.of(killed, ID, true).oomKilled()).isFalse();
        assertThat(Files.readAllLines(reads)).as("asked again: nothing was kept").hasSize(2);
        Files.createFile(readable);
        assertThat(states.of(killed, ID, true).oomKilled()).as("the log now shows the kill").isTrue();
        assertThat(states.of(killed, ID, true).oomKilled()).isTrue();
        assertThat(Files.readAllLines(reads)).as("kept once read").hasSize(3);
    }

    @Test
    void theKernelLogIsNotAskedWhenTheEngineAnswersOrTheEngineIsRemoteOrTheExitIsNot137() throws Exception {
        Path reads = dir.resolve("reads");
        ContainerStates states = new ContainerStates(countingLog(reads, KILL));
        assertThat(states.of(exited(137, true, "2024-05-01T10:00:00Z"), ID, true).oomKilled()).isTrue();
        assertThat(states.of(exited(137, false, "2024-05-01T10:00:00Z"), ID, false).oomKilled()).isFalse();
        assertThat(states.of(exited(1, false, "2024-05-01T10:00:00Z"), ID, true).oomKilled()).isFalse();
        assertThat(reads).doesNotExist();
    }

    @Test
    void onlyTheLastExitsAreRemembered() throws Exception {
        Path reads = dir.resolve("reads");
        ContainerStates states = new ContainerStates(countingLog(reads, "[ 1.0] nothing"));
        InspectContainerResponse.ContainerState killed = exited(137, false, "2024-05-01T10:00:00Z");
        for (int i = 0; i <= ContainerStates.REMEMBERED; i++) {
            states.of(killed, "container" + i, true);
        }
        states.of(killed, "container" + ContainerStates.REMEMBERED, true); // still known
        states.of(killed, "container0", true); // forgotten: read again
        assertThat(Files.readAllLines(reads)).hasSize(ContainerStates.REMEMBERED + 2);
    }

    @Test
    void podmansEmptyHealthOfAContainerWithoutAHealthcheckIsNoHealthAsOnDocker() throws Exception {
        // as each engine answers GET /containers/{id}/json for a running container without a health check
        String docker = "{\"State\":{\"Status\":\"running\",\"Running\":true,\"ExitCode\":0}}";
        String podman = "{\"State\":{\"Status\":\"running\",\"Running\":true,\"ExitCode\":0,"
                + "\"Health\":{\"Status\":\"\",\"FailingStreak\":0,\"Log\":null}}}";
        String checked = "{\"State\":{\"Status\":\"running\",\"Running\":true,\"ExitCode\":0,"
                + "\"Health\":{\"Status\":\"starting\",\"FailingStreak\":0,\"Log\":null}}}";
        assertThat(ContainerStates.from(state(docker)).health()).isEmpty();
        assertThat(ContainerStates.from(state(podman)).health()).isEmpty();
        assertThat(ContainerStates.from(state(checked)).health()).contains("starting");
    }

    /** A kernel log that prints {@code line} and appends a line to {@code reads} each time it is read. */
    private static KernelOomLog countingLog(Path reads, String line) {
        return new KernelOomLog(List.of("sh", "-c", "echo read >> \"$0\"; printf '%s\\n' \"$1\"", reads.toString(), line));
    }

    private static InspectContainerResponse.ContainerState exited(int code, boolean oomKilled, String finishedAt)
            throws Exception {
        return new ObjectMapper().readValue("{\"State\":{\"Status\":\"exited\",\"Running\":false,\"ExitCode\":"
                + code + ",\"OOMKilled\":" + oomKilled + ",\"StartedAt\":\"2024-05-01T09:59:00Z\",\"FinishedAt\":\""
                + finishedAt + "\"}}", InspectContainerResponse.class).getState();
    }

    private static InspectContainerResponse.ContainerState state(String json) throws Exception {
        return new ObjectMapper().readValue(json, InspectContainerResponse.class).getState();
    }
}
