package dev.berth.container;

import dev.berth.Internals;
import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ContainerSpec;
import dev.berth.EngineTestSupport;
import dev.berth.FileCopy;
import dev.berth.Mount;
import dev.berth.Security;
import dev.berth.Network;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCreateOptionsTest extends EngineTestSupport {
    @Test
    void filesAreCopiedInBeforeStartWithTheirModes(@TempDir Path tmp) throws Exception {
        Path host = Files.writeString(tmp.resolve("host.txt"), "from-host");
        ContainerSpec spec = ContainerSpec.of(BUSYBOX)
                .withFile(new FileCopy("/data/bytes.txt", new FileCopy.Bytes("from-bytes".getBytes()), 0640))
                .withFile(new FileCopy("/data/deep/host.txt", new FileCopy.HostFile(host), 0644))
                .withFile(new FileCopy("/data/res.sh", new FileCopy.ClasspathResource("berth-test/res.sh"), 0755))
                // the main process reads the files at once: they must exist before start
                .withCommand("sh", "-c", "cat /data/bytes.txt /data/deep/host.txt; echo; /data/res.sh;"
                        + " stat -c %a /data/bytes.txt /data/res.sh; sleep 600");
        try (RunningContainer c = engine.start(spec.waitingFor(dev.berth.wait.Wait.forLogMessage("755")))) {
            assertThat(c.logs().lines()).containsExactly("from-bytesfrom-host", "resource ran", "640", "755");
        }
    }

    @Test
    void tmpfsBindMountsVolumesLabelsAndLocalPorts(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("in.txt"), "bound");
        String volume = "test-vol";
        String engineVolume = "berth-test-vol-" + Internals.ledger(engine).id().substring(0, 8);
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withCommand("sleep", "600")
                .withSecurity(Security.defaults().withTmpfs("/scratch", "size=8m"))
                .withMount(Mount.bind(tmp.toString(), "/bound").readOnlyMount().withRelabel(Mount.Relabel.SHARED))
                .withMount(Mount.volume(volume, "/vol"))
                .withLabel("com.example.team", "berth")
                .withExposedPorts(8080);
        try (RunningContainer c = engine.start(spec)) {
            assertThat(c.exec("sh", "-c", "grep ' /scratch ' /proc/mounts | cut -d' ' -f3").stdout())
                    .isEqualTo("tmpfs\n");
            assertThat(c.exec("cat", "/bound/in.txt").stdout()).isEqualTo("bound");
            assertThat(c.exec("touch", "/bound/nope").exitCode()).isNotZero();
            assertThat(c.exec("sh", "-c", "echo v > /vol/f && cat /vol/f").stdout()).isEqualTo("v\n");

            InspectContainerResponse inspect = engine.docker().inspectContainerCmd(c.id()).exec();
            assertThat(inspect.getHostConfig().getBinds()).extracting(Object::toString)
                    .containsExactly(tmp + ":/bound:ro,z", engineVolume + ":/vol:rw");
            assertThat(engine.docker().inspectVolumeCmd(engineVolume).exec().getLabels())
                    .containsEntry(Session.LABEL_SESSION, Internals.ledger(engine).id());
            assertThat(Internals.ledger(engine).heldNewestFirst())
                    .anyMatch(r -> r.kind() == Session.Kind.VOLUME && r.id().equals(engineVolume));
            assertThat(inspect.getConfig().getLabels())
                    .containsEntry("com.example.team", "berth")
                    .containsEntry(Session.LABEL_SESSION, Internals.ledger(engine).id())
                    .containsKeys(Session.LABEL_PID, Session.LABEL_HOST, Session.LABEL_CREATED);
            Ports.Binding[] binding = inspect.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8080));
            assertThat(binding[0].getHostIp()).isEqualTo("127.0.0.1");
            assertThat(c.host()).isEqualTo("127.0.0.1");
            assertThat(c.mappedPort(8080)).isEqualTo(Integer.parseInt(binding[0].getHostPortSpec()));
        }
        assertThat(engine.docker().listVolumesCmd().withFilter("name", List.of(engineVolume)).exec().getVolumes())
                .as("removed with its only container").isNullOrEmpty();
        assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.kind() == Session.Kind.VOLUME);
    }

    @Test
    void joinsEveryNetworkWithItsAliasesBeforeStart() {
        try (Network front = engine.network("front"); Network back = engine.network("back");
             RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600")
                     .withNetwork(front.name(), "web", "www").withNetwork(back.name(), "api"))) {
            var networks = engine.docker().inspectContainerCmd(c.id()).exec().getNetworkSettings().getNetworks();
            assertThat(networks).containsOnlyKeys(front.name(), back.name());
            assertThat(networks.get(front.name()).getAliases()).contains("web", "www");
            assertThat(networks.get(back.name()).getAliases()).contains("api");
            c.close();
        }
    }

    @Test
    void everyCreatedContainerIsInTheSessionLedgerUntilClosed() {
        RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600"));
        assertThat(Internals.ledger(engine).heldNewestFirst()).anyMatch(r -> r.id().equals(c.id()));
        c.close();
        assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.id().equals(c.id()));
        assertThat(List.of(c.logs().all())).containsExactly("");
    }
}
