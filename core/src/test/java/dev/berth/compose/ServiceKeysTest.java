package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ContainerSpec;
import dev.berth.StopPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single keys in their other forms, and their misuse, each with the exact message (no engine). */
class ServiceKeysTest {
    @TempDir
    Path dir;

    ComposeModel load(String yaml) throws IOException {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, yaml);
        return ComposeProject.file(file).load();
    }

    String at(int line, int column, String path) {
        return " At " + dir.resolve("docker-compose.yml") + ", line " + line + ", column " + column + " (" + path + ").";
    }

    @Test
    void aCommandStringIsSplitLikeAShell() throws IOException {
        ContainerSpec s = load("services:\n  a:\n    image: busybox\n    command: sh -c 'echo \"a b\"' x\\ y\n")
                .service("a").spec();
        assertThat(s.command()).containsExactly("sh", "-c", "echo \"a b\"", "x y");
    }

    @Test
    void unbalancedQuotes() {
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    command: sh -c 'echo\n"))
                .hasMessage("Invalid command: \"sh -c 'echo\". Allowed: a command with balanced quotes, or a list of"
                        + " words. Example: [\"sh\", \"-c\", \"echo hi\"]." + at(4, 14, "services.a.command"));
    }

    @Test
    void stopSignalKillAndGracePeriods() throws IOException {
        ComposeModel m = load("services:\n  a:\n    image: busybox\n    stop_signal: SIGKILL\n"
                + "  b:\n    image: busybox\n    stop_grace_period: 1m30s\n");
        assertThat(m.service("a").spec().stopPolicy()).isEqualTo(StopPolicy.kill());
        assertThat(m.service("b").spec().stopPolicy()).isEqualTo(StopPolicy.graceful(Duration.ofSeconds(90)));
        ComposeModel other = load("services:\n  q:\n    image: busybox\n    stop_signal: SIGQUIT\n"
                + "  i:\n    image: busybox\n    stop_signal: int\n    stop_grace_period: 3s\n");
        assertThat(other.service("q").spec().stopPolicy())
                .isEqualTo(StopPolicy.graceful(Duration.ofSeconds(10)).withSignal("SIGQUIT"));
        assertThat(other.service("i").spec().stopPolicy().signal()).isEqualTo("SIGINT");
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    stop_signal: \"SIG TERM\"\n"))
                .hasMessage("Invalid stop signal: \"SIG TERM\". Allowed: a signal name such as SIGTERM, SIGINT, SIGQUIT or"
                        + " SIGUSR1, or its number. Example: StopPolicy.graceful(Duration.ofSeconds(10)).withSignal(\"SIGQUIT\")."
                        + at(4, 18, "services.a.stop_signal"));
    }

    @Test
    void healthcheckDisableAndTheNoneTestDisableTheImagesHealthcheck() throws IOException {
        ComposeModel m = load("services:\n  a:\n    image: busybox\n    healthcheck:\n      disable: true\n"
                + "  b:\n    image: busybox\n    healthcheck:\n      test: [\"NONE\"]\n");
        assertThat(m.service("a").spec().healthcheck()).hasValue(dev.berth.Healthcheck.none());
        assertThat(m.service("b").spec().healthcheck()).hasValueSatisfying(h -> assertThat(h.disabled()).isTrue());
    }

    @Test
    void longFormBindsTakeSelinuxRelabelling() throws IOException {
        ContainerSpec s = load("services:\n  a:\n    image: busybox\n    volumes:\n"
                + "      - {type: bind, source: ./data, target: /data, read_only: true, bind: {selinux: Z}}\n"
                + "      - {type: bind, source: ./shared, target: /shared, bind: {selinux: z}}\n").service("a").spec();
        assertThat(s.mounts()).extracting(m -> m.target() + " " + m.readOnly() + " " + m.relabel())
                .containsExactly("/data true PRIVATE", "/shared false SHARED");
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    volumes:\n"
                + "      - {type: bind, source: ./data, target: /data, bind: {selinux: x}}\n"))
                .hasMessage("Invalid bind selinux: \"x\". Allowed: z (shared) or Z (private). Example: bind: {selinux: z}."
                        + at(5, 69, "services.a.volumes[0].bind.selinux"));
    }

    @Test
    void portsOtherThanLocalTcpAreRejected() {
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    ports: [\"53/udp\"]\n"))
                .hasMessage("Invalid port protocol: \"udp\". Allowed: tcp. Example: \"8080:80/tcp\"."
                        + at(4, 13, "services.a.ports[0]"));
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    ports: [\"0.0.0.0:8080:80\"]\n"))
                .hasMessage("Invalid port: \"0.0.0.0:8080:80\". Allowed: [127.0.0.1:][HOST:]CONTAINER[/tcp]: Berth"
                        + " publishes on 127.0.0.1 for a local engine. Example: \"127.0.0.1:8080:80\"."
                        + at(4, 13, "services.a.ports[0]"));
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    ports: [\"8000-8010\"]\n"))
                .hasMessage("Invalid port: \"8000-8010\". Allowed: a port number 1 to 65535 (ranges are not"
                        + " supported). Example: \"8080:80\"." + at(4, 13, "services.a.ports[0]"));
    }

    @Test
    void aFixedHostPort() throws IOException {
        assertThat(load("services:\n  a:\n    image: busybox\n    ports: [\"127.0.0.1:18080:80\"]\n")
                .service("a").spec().fixedPorts()).containsEntry(80, 18080);
    }

    @Test
    void anUndeclaredVolumeOrNetwork() {
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    volumes: [\"data:/data\"]\n"))
                .hasMessage("Invalid volume: \"data\". Allowed: a volume declared under the top-level volumes, or a"
                        + " host path starting with /, . or ~. Example: volumes: {data: {}}."
                        + at(4, 15, "services.a.volumes[0]"));
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    networks: [front]\n"))
                .hasMessage("Invalid network: \"front\". Allowed: a network declared under the top-level networks:"
                        + " default. Example: networks: {front: {}}." + at(4, 16, "services.a.networks[0]"));
    }

    @Test
    void networkModeExcludesNetworksAndNamesAService() {
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    network_mode: host\n"
                + "    networks: [default]\n"))
                .hasMessage("Invalid networks: \"with network_mode\". Allowed: either networks or network_mode in one"
                        + " service. Example: networks: [backend]." + at(5, 15, "services.a.networks"));
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    pid: container:abc\n"))
                .hasMessage("Invalid pid: \"container:abc\". Allowed: host or service:<name>, naming another service"
                        + " of this file (container:<name> is not supported: container names are per session)."
                        + " Example: service:db." + at(4, 10, "services.a.pid"));
    }

    @Test
    void aDependencyOnAnInactiveProfile() {
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    depends_on: [b]\n"
                + "  b:\n    image: busybox\n    profiles: [debug]\n"))
                .hasMessage("Invalid depends_on: \"b\". Allowed: a service that starts: b belongs to the profiles"
                        + " [debug], none of them active (active: []). Example: ComposeProject.withProfiles(\"debug\")."
                        + at(4, 17, "services.a.depends_on"));
    }

    @Test
    void anUnknownConditionAndAServiceWithoutImage() {
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    depends_on:\n      b:\n"
                + "        condition: service_ready\n  b:\n    image: busybox\n"))
                .hasMessage("Invalid depends_on condition: \"service_ready\". Allowed: service_started, service_healthy"
                        + " or service_completed_successfully. Example: condition: service_healthy."
                        + at(6, 20, "services.a.depends_on.b.condition"));
        assertThatThrownBy(() -> load("services:\n  a:\n    command: sleep 1\n"))
                .hasMessage("Invalid service a: \"no image\". Allowed: a service with an image or a build. Example:"
                        + " image: localhost:5000/berth-fixtures/busybox:1." + at(3, 5, "services.a"));
    }

    @Test
    void securityOptForms() throws IOException {
        ContainerSpec s = load("services:\n  a:\n    image: busybox\n    security_opt: [\"no-new-privileges\","
                + " \"seccomp=unconfined\", \"label:type:container_t\"]\n").service("a").spec();
        assertThat(s.security().noNewPrivileges()).isTrue();
        assertThat(s.security().seccomp()).hasValue("unconfined");
        assertThat(s.security().selinuxLabels()).containsEntry("type", "container_t");
        assertThatThrownBy(() -> load("services:\n  a:\n    image: busybox\n    security_opt: [\"systempaths=unconfined\"]\n"))
                .hasMessage("Invalid security_opt: \"systempaths=unconfined\". Allowed: no-new-privileges[:true],"
                        + " seccomp:unconfined, seccomp:<profile.json>, apparmor:<profile>, label:disable or"
                        + " label:user|role|type|level:<value>. Example: no-new-privileges:true."
                        + at(4, 20, "services.a.security_opt[0]"));
    }
}
