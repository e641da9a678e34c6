package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.berth.ContainerSpec;
import dev.berth.IpcMode;
import dev.berth.Limits;
import dev.berth.Namespaces;
import dev.berth.NetworkMode;
import dev.berth.PidMode;
import dev.berth.Security;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolationMapperTest {
    private static final ContainerSpec BUSYBOX = ContainerSpec.of("localhost:5000/berth-fixtures/busybox:1");

    private static CreateContainerCmd map(ContainerSpec spec) {
        CreateContainerCmd cmd = new CreateContainerCmdImpl(c -> {
            throw new AssertionError("mapping never creates");
        }, null, spec.image().toString())
                .withHostConfig(HostConfig.newHostConfig().withTmpFs(Map.of("/run", "size=1m"))
                        .withSecurityOpts(new java.util.ArrayList<>(java.util.List.of("label=type:from_launcher"))));
        IsolationMapper.map(cmd, spec, ref -> "id-of-" + ref.describe());
        return cmd;
    }

    @Test
    void defaultsLeaveTheHostConfigAlone() {
        HostConfig host = map(BUSYBOX).getHostConfig();
        assertThat(host.getMemory()).isNull();
        assertThat(host.getNanoCPUs()).isNull();
        assertThat(host.getNetworkMode()).isNull();
        assertThat(host.getInit()).isNull();
        assertThat(host.getReadonlyRootfs()).isNull();
        assertThat(host.getPrivileged()).isNull();
        assertThat(host.getSecurityOpts()).containsExactly("label=type:from_launcher");
        assertThat(host.getTmpFs()).isEqualTo(Map.of("/run", "size=1m"));
    }

    @Test
    void mapsLimitsToCgroupFields() {
        HostConfig host = map(BUSYBOX.withLimits(Limits.memory("64m").memorySwap("128m").memoryReservation("32m")
                .cpus(0.5).cpuShares(512).cpuset("0").cpusetMems("0").pids(100).blkioWeight(300)
                .ulimit("nofile", 1024, 2048).shmSize("128m").oomKillDisabled())).getHostConfig();
        assertThat(host.getMemory()).isEqualTo(67_108_864L);
        assertThat(host.getMemorySwap()).isEqualTo(134_217_728L);
        assertThat(host.getMemoryReservation()).isEqualTo(33_554_432L);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getCpuShares()).isEqualTo(512);
        assertThat(host.getCpusetCpus()).isEqualTo("0");
        assertThat(host.getCpusetMems()).isEqualTo("0");
        assertThat(host.getPidsLimit()).isEqualTo(100L);
        assertThat(host.getBlkioWeight()).isEqualTo(300);
        assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 1024L, 2048L));
        assertThat(host.getShmSize()).isEqualTo(134_217_728L);
        assertThat(host.getOomKillDisable()).isTrue();
    }

    @Test
    void mapsNamespaces() {
        CreateContainerCmd cmd = map(BUSYBOX.withNamespaces(Namespaces.defaults()
                .withNetwork(NetworkMode.container("web")).withIpc(IpcMode.shareable())
                .withPid(PidMode.container("db")).withInit().withDomainname("test.example")
                .withUsernsMode("host").withCgroupnsMode("private")));
        HostConfig host = cmd.getHostConfig();
        assertThat(host.getNetworkMode()).isEqualTo("container:id-of-web");
        assertThat(host.getIpcMode()).isEqualTo("shareable");
        assertThat(host.getPidMode()).isEqualTo("container:id-of-db");
        assertThat(host.getInit()).isTrue();
        assertThat(host.getUsernsMode()).isEqualTo("host");
        assertThat(host.getCgroupnsMode()).isEqualTo("private");
        assertThat(cmd.getDomainName()).isEqualTo("test.example");

        CreateContainerCmd uts = map(BUSYBOX.withNamespaces(Namespaces.defaults().withHostname("berth-uts")
                .withNetwork(NetworkMode.none()).withIpc(IpcMode.container("db")).withPid(PidMode.host())));
        assertThat(uts.getHostName()).isEqualTo("berth-uts");
        assertThat(uts.getHostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(uts.getHostConfig().getIpcMode()).isEqualTo("container:id-of-db");
        assertThat(uts.getHostConfig().getPidMode()).isEqualTo("host");
        assertThat(map(BUSYBOX.withNamespaces(Namespaces.defaults().withHostUts())).getHostConfig().getUtSMode())
                .isEqualTo("host");
    }

    @Test
    void mapsSecurityAddingToWhatTheLauncherSet() {
        CreateContainerCmd cmd = map(BUSYBOX.withSecurity(Security.hardened().withCapAdd("NET_BIND_SERVICE")
                .withSelinuxLevel("s0:c1,c2").withSeccompUnconfined().withAppArmorProfile("unconfined")
                .withTmpfs("/cache", "size=8m")));
        HostConfig host = cmd.getHostConfig();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsOnly(Map.entry("/run", "size=1m"), Map.entry("/tmp", ""),
                Map.entry("/cache", "size=8m"));
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).containsExactly(Capability.NET_BIND_SERVICE);
        assertThat(host.getSecurityOpts()).containsExactly("label=type:from_launcher", "label=level:s0:c1,c2",
                "no-new-privileges:true", "seccomp=unconfined", "apparmor=unconfined");
        assertThat(host.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(cmd.getUser()).isEqualTo("65534:65534");
        assertThat(map(BUSYBOX.withSecurity(Security.defaults().withPrivileged().withSeccompUnconfined()))
                .getHostConfig().getPrivileged()).isTrue();
    }
}
