package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.WithLimits;
import dev.berth.junit.WithNamespaces;
import org.junit.jupiter.api.Test;

/**
 * Sample 5 — cgroup limits and shared namespaces. {@code worker} runs under memory and pids
 * limits with a shareable IPC namespace; {@code observer} joins worker's IPC and PID namespaces,
 * so it sees worker's processes and its shared memory. The tests read the effects from inside.
 * A pids limit also stops a runaway loop of forks in {@code forker}.
 */
@DockerTest
class LimitsAndNamespacesSample {

    @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "3600"})
    @WithLimits(memory = "32m", pids = 20)
    @WithNamespaces(ipc = "shareable", hostname = "worker")
    static RunningContainer worker;

    @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "3601"})
    @WithNamespaces(ipc = "container:worker", pid = "container:worker")
    static RunningContainer observer;

    /** Its own container per test: the fork test exhausts its pids budget on purpose. */
    @Container(image = "localhost:5000/berth-fixtures/busybox:1", command = {"sleep", "3600"})
    @WithLimits(pids = 20)
    RunningContainer forker;

    @Test
    void theWorkersCgroupHoldsTheDeclaredLimits() {
        assertThat(read(worker, "/sys/fs/cgroup/memory/memory.limit_in_bytes")).isEqualTo("33554432");
        assertThat(read(worker, "/sys/fs/cgroup/pids/pids.max")).isEqualTo("20");
    }

    @Test
    void thePidsLimitStopsRunawayForks() {
        // 30 background sleeps cannot all start under a limit of 20 processes.
        String out = forker.exec("sh", "-c", "for i in $(seq 1 30); do sleep 60 & done 2>&1").stdout();
        assertThat(out).contains("can't fork");
    }

    @Test
    void theObserverSeesTheWorkersProcesses() {
        assertThat(observer.exec("ps").stdout()).contains("sleep 3600").contains("sleep 3601");
    }

    @Test
    void theObserverSharesTheWorkersSharedMemory() {
        worker.exec("sh", "-c", "echo token-from-worker > /dev/shm/token");
        assertThat(read(observer, "/dev/shm/token")).isEqualTo("token-from-worker");
        String ns = "readlink /proc/self/ns/ipc";
        assertThat(observer.exec("sh", "-c", ns).stdout()).isEqualTo(worker.exec("sh", "-c", ns).stdout());
    }

    private static String read(RunningContainer c, String path) {
        return c.exec("cat", path).stdout().trim();
    }
}
