package dev.berth.network;

import dev.berth.Internals;
import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.EngineTestSupport;
import dev.berth.FileCopy;
import dev.berth.Network;
import dev.berth.NetworkSpec;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import dev.berth.wait.Wait;
import org.junit.jupiter.api.Test;

class NetworksTest extends EngineTestSupport {
    static ContainerSpec web(String network, String alias) {
        return ContainerSpec.of(BUSYBOX)
                .withFile(new FileCopy("/www/index.html", new FileCopy.Bytes("hello from web".getBytes()), 0644))
                .withCommand("httpd", "-f", "-p", "8080", "-h", "/www")
                .withNetwork(network, alias)
                .waitingFor(Wait.forCommand("wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/index.html"));
    }

    @Test
    void twoContainersReachEachOtherByAlias() {
        try (Network net = engine.network("alias-net");
             RunningContainer web = engine.start(web(net.name(), "web"));
             RunningContainer client = engine.start(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600")
                     .withNetwork(net.name(), "client"))) {
            var r = client.exec("wget", "-q", "-O", "-", "http://web:8080/index.html");
            assertThat(r.stdout()).isEqualTo("hello from web");
            assertThat(r.exitCode()).isZero();
            web.close();
            client.close();
        }
    }

    @Test
    void connectAndDisconnectARunningContainerWithAliases() {
        try (Network net = engine.network("late-net");
             RunningContainer web = engine.start(web(net.name(), "web"));
             RunningContainer client = engine.start(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600"))) {
            assertThat(client.exec("nslookup", "web").exitCode()).isNotZero();
            net.connect(client, "late");
            assertThat(client.exec("wget", "-q", "-O", "-", "http://web:8080/index.html").stdout())
                    .isEqualTo("hello from web");
            assertThat(web.exec("nslookup", "late").exitCode()).isZero();
            net.disconnect(client);
            assertThat(client.exec("wget", "-q", "-T", "2", "-O", "-", "http://web:8080/index.html").exitCode())
                    .isNotZero();
            web.close();
            client.close();
        }
    }

    @Test
    void networkSpecSetsInternalDriverAndLabelsAndCloseRemovesIt() {
        Network net = engine.network(NetworkSpec.of("internal-net").withInternal(true).withDriver("bridge")
                .withLabel("com.example.purpose", "test"));
        var inspect = engine.docker().inspectNetworkCmd().withNetworkId(net.id()).exec();
        assertThat(inspect.getInternal()).isTrue();
        assertThat(inspect.getDriver()).isEqualTo("bridge");
        assertThat(inspect.getName()).startsWith("internal-net-").isEqualTo(net.name());
        assertThat(inspect.getLabels()).containsEntry("com.example.purpose", "test")
                .containsEntry(Session.LABEL_SESSION, Internals.ledger(engine).id());
        assertThat(net.spec().internal()).isTrue();
        net.close();
        net.close();
        assertThatThrownBy(() -> engine.docker().inspectNetworkCmd().withNetworkId(net.id()).exec())
                .isInstanceOf(NotFoundException.class);
        assertThat(Internals.ledger(engine).heldNewestFirst()).noneMatch(r -> r.id().equals(net.id()));
    }
}
