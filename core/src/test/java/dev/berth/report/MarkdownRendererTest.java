package dev.berth.report;

import dev.berth.Layer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    @Test
    void rendersEverySectionOfTheSampleReport() {
        assertThat(new MarkdownRenderer().render(ReportSamples.sample())).isEqualTo("""
                # Berth failure report: OrdersTest > savesOrder()

                Created 2026-11-27T19:00:00Z, collected in 412 ms. 2 containers: cache running, hog exited 137 (OOMKilled); 1 item(s) not collected

                ## Not collected

                - not collected: image of hog (timed out after 500 ms)

                ## Engine

                - Docker host: unix:///var/run/docker.sock
                - Server version: 20.10.24+dfsg1 (API 1.41)
                - OS: Debian GNU/Linux 12 (bookworm), x86_64, kernel 6.1.0-18-amd64
                - Cgroups: driver cgroupfs, version 1
                - Storage driver: overlay2
                - CPUs: 2, memory: 24GiB
                - Security options: name=seccomp,profile=default
                - Containers: 3 running of 7; images: 12

                ## Container cache

                ### State

                - Status: running
                - Exit code: 0
                - OOMKilled: false
                - Error: none
                - Restart count: 0
                - Started: 2026-11-27T18:59:50.123456789Z
                - Finished: never
                - Health: healthy (failing streak 0)
                  - probe 2026-11-27T18:59:55Z: exit 0: `PONG`

                ### Configuration

                - Id: c0ffee0000000000000000000000000000000000000000000000000000000001
                - Name: berth-cache-1234
                - Command: `redis-server --requirepass ****`
                - Ports: 6379/tcp -> 127.0.0.1:32768
                - Networks: berth-net-1 (ip 172.18.0.2/16, aliases cache)
                - Limits: Memory=16777216 (16MiB), MemorySwap=16777216 (16MiB)
                - Namespaces: NetworkMode=berth-net-1
                - Security: User=redis
                - Env:
                  - `REDIS_PASSWORD=****`
                  - `LANG=C.UTF-8`

                ### Image

                - Reference: localhost:5000/berth-fixtures/redis:7
                - Id: sha256:ee62574696d4a09d1fcf5a58c33f9449e51052ee222249d46f7b1ab0ad2c51da
                - Digests: localhost:5000/berth-fixtures/redis@sha256:0123456789abcdef
                - Size: 134MB
                - Created: 2026-11-27T18:56:00Z

                Layer history (newest first, as `docker history` lists it):

                | IMAGE | CREATED | CREATED BY | SIZE | COMMENT |
                |---|---|---|---|---|
                | aaaabbbbcccc | 4 minutes ago | /bin/sh -c #(nop)  CMD ["redis-server"] | 0B |  |
                | <missing> | 3 days ago | /bin/sh -c echo a\\|b | 1.98MB | imported |

                ### Resource usage (one sample)

                - Memory: 1.18MiB / 16MiB
                - CPU: 0.25% (live)
                - PIDs: 5
                - Network I/O: 1.5kB received / 0B sent
                - Block I/O: 0B read / 4.1kB written

                ### Last 2 log lines

                ```text
                1:M 27 Nov 2026 18:59:50.200 * Ready to accept connections tcp
                AUTH ****
                ```

                ## Container hog

                ### State

                - Status: exited
                - Exit code: 137
                - OOMKilled: true
                - Error: none
                - Restart count: 0
                - Started: 2026-11-27T18:59:51Z
                - Finished: 2026-11-27T18:59:52Z

                ### Configuration

                - Id: deadbeef00000000000000000000000000000000000000000000000000000002
                - Name: berth-hog-1234
                - Command: `sh -c 'head -c 100m /dev/zero | tail'`
                - Ports: none
                - Networks: none
                - Limits: Memory=16777216 (16MiB), MemorySwap=16777216 (16MiB)
                - Namespaces: engine defaults
                - Security: engine defaults
                - Env: none

                ### Image

                Not collected.

                ### Last 0 log lines

                (none)

                ## Networks

                ### berth-net-1 (bridge)

                | Container | IPv4 | Aliases |
                |---|---|---|
                | berth-cache-1234 | 172.18.0.2/16 | cache, c0ffee000000 |
                """);
    }

    @Test
    void rendersAnEmptyReportWhenTheEngineIsGone() {
        FailureReport r = new FailureReport("T > t()", ReportSamples.NOW, Duration.ofMillis(1900), null, List.of(),
                List.of(), List.of("engine info (timed out after 500 ms)"));
        assertThat(new MarkdownRenderer().render(r)).isEqualTo("""
                # Berth failure report: T > t()

                Created 2026-11-27T19:00:00Z, collected in 1900 ms. 0 containers; 1 item(s) not collected

                ## Not collected

                - not collected: engine info (timed out after 500 ms)

                ## Engine

                Not collected.
                """);
    }

    @Test
    void quotesCommandArgumentsLikeAShell() {
        assertThat(MarkdownRenderer.commandLine(List.of("sh", "-c", "echo 'hi' | cat", "--x=1")))
                .isEqualTo("sh -c 'echo '\\''hi'\\'' | cat' --x=1");
    }

    @Test
    void fencesLogsThatContainBackticksWithTildes() {
        ContainerReport c = new ContainerReport("a", null, null, List.of("```oops"), null);
        FailureReport r = new FailureReport("T > t()", ReportSamples.NOW, Duration.ZERO, null, List.of(c), List.of(),
                List.of());
        assertThat(new MarkdownRenderer().render(r)).endsWith("""
                ## Container a

                State and configuration not collected.

                ### Image

                Not collected.

                ### Last 1 log lines

                ~~~~text
                ```oops
                ~~~~
                """);
    }

    @Test
    void rendersTheTestsExceptionMaskedWithItsFirstFrames() {
        SecretMasker masker = SecretMasker.of(ReportSettings.DEFAULT_MASK)
                .withSecretsFrom(List.of("POSTGRES_PASSWORD=hunter22"));
        AssertionError failure = new AssertionError("login with hunter22 failed\nsecond line",
                new IllegalStateException("PASSWORD=hunter22 rejected"));
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.acme.OrdersTest", "savesOrder", "OrdersTest.java", 42),
            new StackTraceElement("java.base/java.lang.reflect.Method", "invoke", "Method.java", 580)});
        FailureReport r = new FailureReport("OrdersTest > savesOrder()", ReportSamples.NOW, Duration.ZERO, null,
                List.of(), List.of(), List.of()).withFailure(FailureSection.of(failure, masker));
        assertThat(new MarkdownRenderer().render(r)).startsWith("""
                # Berth failure report: OrdersTest > savesOrder()

                Created 2026-11-27T19:00:00Z, collected in 0 ms. 0 containers

                ## Failure

                `java.lang.AssertionError`: login with **** failed

                ```
                java.lang.AssertionError: login with **** failed
                second line
                \tat com.acme.OrdersTest.savesOrder(OrdersTest.java:42)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:580)
                Caused by: java.lang.IllegalStateException: PASSWORD=**** rejected
                ```

                ## Engine
                """);
    }

    @Test
    void keepsTheFirstTenFrames() {
        Exception deep = new Exception();
        deep.setStackTrace(java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> new StackTraceElement("C", "m" + i, "C.java", i)).toArray(StackTraceElement[]::new));
        FailureSection f = FailureSection.of(deep, SecretMasker.of(ReportSettings.DEFAULT_MASK));
        assertThat(f.frames()).hasSize(FailureSection.FRAMES).first().isEqualTo("C.m0(C.java:0)");
        assertThat(f.message()).isEmpty();
        assertThat(f.type()).isEqualTo("java.lang.Exception");
    }
}
