package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.ContainerSpec;
import dev.berth.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Berth's interpolation and normalisation of compose/all-keys against what Debian's docker-compose 1.29.2
 * {@code config} printed for the same file and environment (checked in as all-keys-compose-1.29-config.yml).
 */
class ComposeConfigComparisonTest {
    final ComposeModel model = ComposeModelTest.PROJECT.load();
    final Map<String, Object> services;

    @SuppressWarnings("unchecked")
    ComposeConfigComparisonTest() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/compose/all-keys-compose-1.29-config.yml"));
        Map<String, Object> config = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        services = (Map<String, Object>) config.get("services");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @Test
    void sameServicesAndImages() {
        assertThat(model.services().keySet()).containsExactlyInAnyOrderElementsOf(services.keySet());
        for (String s : List.of("init", "cache", "sidecar", "debug")) {
            assertThat(model.service(s).spec().image().toString()).as(s).isEqualTo(service(s).get("image"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void environmentAfterInterpolationEnvFileAndDollarEscapes() {
        Map<String, String> expected = new LinkedHashMap<>();
        ((Map<String, Object>) service("app").get("environment")).forEach((k, v) ->
                expected.put(k, String.valueOf(v).replace("$$", "$")));
        assertThat(model.service("app").spec().env()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildArgsCommandsAndEntrypoint() {
        Map<String, Object> build = (Map<String, Object>) service("app").get("build");
        assertThat(model.service("app").build().orElseThrow().args()).isEqualTo(build.get("args"));
        assertThat(model.service("app").build().orElseThrow().dockerfile().toString()).isEqualTo(build.get("dockerfile"));
        assertThat(model.service("app").spec().command()).isEqualTo(service("app").get("command"));
        assertThat(model.service("init").spec().command()).isEqualTo(service("init").get("command"));
        assertThat(String.join(" ", model.service("sidecar").spec().command())).isEqualTo(service("sidecar").get("command"));
        assertThat(String.join(" ", model.service("app").spec().entrypoint().orElseThrow())).isEqualTo(service("app").get("entrypoint"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void portsExposeHealthcheckAndDependsOn() {
        List<Object> targets = new ArrayList<>();
        ((List<Map<String, Object>>) service("app").get("ports")).forEach(p -> targets.add(p.get("target")));
        assertThat(model.service("app").spec().exposedPorts()).isEqualTo(targets);
        assertThat(model.service("cache").spec().exposedPorts()).containsExactly(
                Integer.parseInt(((List<String>) service("cache").get("expose")).get(0)));
        Map<String, Object> hc = (Map<String, Object>) service("cache").get("healthcheck");
        assertThat(model.service("cache").spec().healthcheck().orElseThrow().test()).isEqualTo(hc.get("test"));
        assertThat(model.service("cache").spec().healthcheck().orElseThrow().retries()).isEqualTo(hc.get("retries"));
        // compose normalises disable: true to Docker's NONE test, as Berth does
        assertThat(model.service("sidecar").spec().healthcheck().orElseThrow().test())
                .isEqualTo(((Map<String, Object>) service("sidecar").get("healthcheck")).get("test"));
        assertThat(model.service("cache").spec().healthcheck().orElseThrow().startPeriod())
                .isEqualTo(Duration.ofSeconds(Long.parseLong(((String) hc.get("start_period")).replace("s", ""))));
        Map<String, String> conditions = new LinkedHashMap<>();
        ((Map<String, Map<String, String>>) service("app").get("depends_on")).forEach((k, v) ->
                conditions.put(k, v.get("condition")));
        Map<String, String> ours = new LinkedHashMap<>();
        model.service("app").dependsOn().forEach((k, v) -> ours.put(k, v.composeName()));
        assertThat(ours).isEqualTo(conditions);
    }

    @Test
    @SuppressWarnings("unchecked")
    void networksAliasesLabelsAndProfiles() {
        Map<String, Map<String, Object>> nets = (Map<String, Map<String, Object>>) service("cache").get("networks");
        assertThat(model.service("cache").networks().get("backend")).isEqualTo(nets.get("backend").get("aliases"));
        assertThat(model.service("app").networks().keySet())
                .isEqualTo(((Map<String, Object>) service("app").get("networks")).keySet());
        assertThat(model.service("app").spec().labels()).containsAllEntriesOf(
                (Map<String, String>) service("app").get("labels"));
        assertThat(model.service("cache").spec().labels()).containsAllEntriesOf(
                (Map<String, String>) service("cache").get("labels"));
        assertThat(model.service("debug").profiles()).isEqualTo(service("debug").get("profiles"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void volumesTmpfsAndUlimits() {
        List<String> expected = new ArrayList<>();
        for (Object v : (List<Object>) service("app").get("volumes")) {
            if (v instanceof String s) {
                String[] p = s.split(":");
                expected.add(p[1] + (p.length > 2 && p[2].contains("ro") ? " ro" : ""));
            } else {
                expected.add(((Map<String, Object>) v).get("target").toString());
            }
        }
        List<String> ours = new ArrayList<>();
        for (Mount m : model.service("app").spec().mounts()) {
            ours.add(m.target() + (m.readOnly() ? " ro" : ""));
        }
        assertThat(ours).isEqualTo(expected);
        assertThat(model.service("app").spec().mounts().get(1).source())
                .isEqualTo(Path.of("src/test/resources/compose/all-keys/static").toAbsolutePath().toString());
        ContainerSpec app = model.service("app").spec();
        List<String> tmpfs = new ArrayList<>();
        app.security().tmpfs().forEach((k, v) -> tmpfs.add(k + ":" + v));
        assertThat(tmpfs).isEqualTo(service("app").get("tmpfs"));
        Map<String, Object> ulimits = (Map<String, Object>) service("app").get("ulimits");
        Map<String, Object> nofile = (Map<String, Object>) ulimits.get("nofile");
        assertThat(app.limits().ulimits().get("nofile").soft()).isEqualTo(((Number) nofile.get("soft")).longValue());
        assertThat(app.limits().ulimits().get("nofile").hard()).isEqualTo(((Number) nofile.get("hard")).longValue());
        assertThat(app.limits().ulimits().get("nproc").hard()).isEqualTo(((Number) ulimits.get("nproc")).longValue());
    }
}
