package dev.berth.wait;

import static dev.berth.Fixtures.BUSYBOX;
import static dev.berth.Fixtures.NGINX;
import static dev.berth.Fixtures.REDIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.EngineTestSupport;
import dev.berth.ContainerStartException;
import dev.berth.FileCopy;
import dev.berth.Healthcheck;
import dev.berth.RunningContainer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitStrategiesTest extends EngineTestSupport {
    @Test
    void listeningPortConnectsFromTheHostToTheMappedPort() throws Exception {
        try (RunningContainer redis = engine.start(ContainerSpec.of(REDIS).withExposedPorts(6379)
                .waitingFor(Wait.forListeningPort()))) {
            try (java.net.Socket s = new java.net.Socket(redis.host(), redis.mappedPort(6379))) {
                s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[7];
                assertThat(s.getInputStream().readNBytes(reply, 0, 7)).isEqualTo(7);
                assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        }
    }

    @Test
    void httpWaitChecksStatusAndBody() {
        try (RunningContainer nginx = engine.start(ContainerSpec.of(NGINX).withExposedPorts(80)
                .waitingFor(Wait.forHttp("/").forStatusCode(200)
                        .forResponsePredicate(b -> b.contains("nginx"))))) {
            assertThat(nginx.state().running()).isTrue();
        }
    }

    @Test
    void httpsWaitAgainstASelfSignedServer() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create();
        String conf = "server { listen 443 ssl; ssl_certificate /etc/nginx/tls/cert.pem;"
                + " ssl_certificate_key /etc/nginx/tls/key.pem; location /secure { return 200 'secret-ok'; } }\n";
        try (RunningContainer nginx = engine.start(ContainerSpec.of(NGINX).withExposedPorts(443)
                .withFile(new FileCopy("/etc/nginx/tls/cert.pem", new FileCopy.Bytes(tls.certificatePem()), 0644))
                .withFile(new FileCopy("/etc/nginx/tls/key.pem", new FileCopy.Bytes(tls.keyPem()), 0600))
                .withFile(new FileCopy("/etc/nginx/conf.d/tls.conf", new FileCopy.Bytes(conf.getBytes()), 0644))
                .waitingFor(Wait.forHttp("/secure").usingTls().forStatusCode(200)
                        .forResponsePredicate("secret-ok"::equals)))) {
            assertThat(nginx.state().running()).isTrue();
        }
    }

    @Test
    void httpWaitTimesOutWhenTheStatusNeverMatches() {
        // the startup timeout bounds the engine calls of the start too: leave a loaded engine time to start it
        ContainerSpec spec = ContainerSpec.of(NGINX).withExposedPorts(80).withStartupTimeout(Duration.ofSeconds(8))
                .waitingFor(Wait.forHttp("/missing").forStatusCode(200));
        assertThatThrownBy(() -> engine.start(spec))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("failed to start: startup timeout of 8000 ms ran out (create and start took ")
                .hasMessageContaining(" ms for the wait): timed out after ")
                .hasMessageContaining(" ms waiting for HTTP GET /missing on port 80 to be accepted (last seen: status"
                        + " 404); raise the"
                        + " startup timeout with withStartupTimeout(…) or check the wait strategy\n"
                        + "  exit code: none (not exited)\n  OOMKilled: false\n");
    }

    @Test
    void logMessageWaitCountsOccurrencesOnTheCapturedStream() {
        try (RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "echo ready; sleep 0.3; echo ready; sleep 600")
                .waitingFor(Wait.forLogMessage("ready", 2)))) {
            assertThat(c.logs().lines()).containsExactly("ready", "ready");
        }
        try (RunningContainer redis = engine.start(ContainerSpec.of(REDIS)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*")))) {
            assertThat(redis.logs().all()).contains("Ready to accept connections");
        }
    }

    @Test
    void logMessageWaitFailsAtOnceWhenTheContainerExits() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withCommand("sh", "-c", "echo starting; exit 4")
                .withStartupTimeout(Duration.ofSeconds(60)).waitingFor(Wait.forLogMessage("never"));
        ContainerStartException e = catchStart(spec);
        assertThat(e.exitCode()).hasValue(4);
        assertThat(e.lastLogLines()).containsExactly("starting");
        assertThat(e.getMessage()).contains("failed to start: the container exited (status exited, exit code 4)"
                + " while waiting for log message /never/ (seen 0 of 1)");
    }

    @Test
    void healthcheckWait() {
        try (RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withCommand("sh", "-c", "sleep 1; touch /tmp/ok; sleep 600")
                .withHealthcheck(Healthcheck.shell("test -f /tmp/ok").withInterval(Duration.ofMillis(200)))
                .waitingFor(Wait.forHealthcheck()))) {
            assertThat(c.state().health()).contains("healthy");
        }
    }

    @Test
    void healthcheckWaitWithoutAHealthcheckSaysHowToFixIt() {
        ContainerStartException e = catchStart(ContainerSpec.of(BUSYBOX).withCommand("sleep", "600")
                .waitingFor(Wait.forHealthcheck()));
        assertThat(e.getMessage()).contains("failed to start: the container has no healthcheck, so"
                + " Wait.forHealthcheck() cannot succeed; add one with"
                + " ContainerSpec.withHealthcheck(Healthcheck.shell(…)) or use another wait strategy\n");
    }

    @Test
    void commandWaitAndAllOf() {
        try (RunningContainer c = engine.start(ContainerSpec.of(BUSYBOX)
                .withFile(new FileCopy("/www/index.html", new FileCopy.Bytes("hello".getBytes()), 0644))
                .withCommand("sh", "-c", "sleep 0.5; touch /tmp/ready; httpd -f -p 8080 -h /www")
                .withExposedPorts(8080)
                .waitingFor(Wait.allOf(Wait.forCommand("test", "-f", "/tmp/ready"), Wait.forListeningPort(),
                        Wait.forHttp("/index.html").forResponsePredicate("hello"::equals))))) {
            assertThat(c.exec("test", "-f", "/tmp/ready").exitCode()).isZero();
        }
    }

    @Test
    void listeningPortWaitOnAContainerThatExitsEarlyFailsFastWithExitCodeAndLogs() {
        ContainerSpec spec = ContainerSpec.of(BUSYBOX).withCommand("sh", "-c", "echo boom; exit 3")
                .withExposedPorts(8080).withStartupTimeout(Duration.ofSeconds(60))
                .waitingFor(Wait.forListeningPort());
        long begin = System.nanoTime();
        ContainerStartException e = catchStart(spec);
        System.out.printf("early exit detected after %d ms (startup timeout 60000 ms)%n",
                (System.nanoTime() - begin) / 1_000_000);
        assertThat(e.exitCode()).hasValue(3);
        assertThat(e.oomKilled()).isFalse();
        assertThat(e.image()).isEqualTo(BUSYBOX);
        assertThat(e.lastLogLines()).containsExactly("boom");
        assertThat(e.getMessage()).startsWith("Container from image " + BUSYBOX + " (" + e.containerId().orElseThrow().substring(0, 12)
                + ") failed to start: the container exited (status exited, exit code 3) while waiting for port 8080"
                + " to accept connections on 127.0.0.1\n  exit code: 3\n  OOMKilled: false\n  last 1 log lines:\n"
                + "    | boom\nBerth report: failed start of berth-");
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(e.containerId().orElseThrow()).exec())
                .isInstanceOf(NotFoundException.class);
    }

    static ContainerStartException catchStart(ContainerSpec spec) {
        try {
            RunningContainer c = engine.start(spec);
            c.close();
            throw new AssertionError("expected the start of " + spec + " to fail");
        } catch (ContainerStartException e) {
            return e;
        }
    }
}
