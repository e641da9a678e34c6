package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Fixtures;
import dev.berth.InvalidSpecException;
import dev.berth.Mount;
import dev.berth.RunningContainer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Berth's volumes are per session and go with the last container that uses them; existing and persistent
 * volumes are an explicit choice, used by their exact name and never removed.
 */
class VolumeScopeTest {
    private static ContainerSpec writer(Mount mount) {
        return Fixtures.sleeper().withMount(mount);
    }

    private static boolean exists(Engine engine, String volume) {
        try {
            engine.docker().inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String engineName(Engine engine, String declared) {
        return "berth-" + declared + "-" + engine.session().id().substring(0, 8);
    }

    @Test
    void twoSessionsInOneJvmEachGetTheirOwnVolumeOfTheSameName() {
        String declared = "data-" + System.nanoTime();
        try (Engine a = Berth.connect(); Engine b = Berth.connect();
             RunningContainer inA = a.start(writer(Mount.volume(declared, "/data")));
             RunningContainer inB = b.start(writer(Mount.volume(declared, "/data")))) {
            inA.exec("sh", "-c", "echo a > /data/who");
            inB.exec("sh", "-c", "echo b > /data/who");
            assertThat(inA.exec("cat", "/data/who").stdout()).isEqualTo("a\n");
            assertThat(inB.exec("cat", "/data/who").stdout()).isEqualTo("b\n");
            assertThat(exists(a, declared)).as("no volume under the declared name").isFalse();
            assertThat(exists(a, engineName(a, declared))).isTrue();
            assertThat(exists(a, engineName(b, declared))).isTrue();
        }
    }

    @Test
    void aVolumeGoesWithTheLastContainerOfItsSessionThatUsesIt() {
        String declared = "shared-" + System.nanoTime();
        try (Engine engine = Berth.connect()) {
            String name = engineName(engine, declared);
            RunningContainer first = engine.start(writer(Mount.volume(declared, "/data")));
            RunningContainer second = engine.start(writer(Mount.volume(declared, "/other")));
            first.exec("sh", "-c", "echo shared > /data/f");
            assertThat(second.exec("cat", "/other/f").stdout()).as("one volume per name in a session")
                    .isEqualTo("shared\n");
            first.close();
            assertThat(exists(engine, name)).as("still used by the second container").isTrue();
            second.close();
            assertThat(exists(engine, name)).as("after its last container, engine still open").isFalse();
        }
    }

    @Test
    void aPersistentVolumeKeepsItsNameAndOutlivesTheEngineAnExistingOneMustExist() {
        String name = "berth-test-persistent-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            try (Engine engine = Berth.connect();
                 RunningContainer c = engine.start(writer(Mount.persistentVolume(name, "/data")))) {
                c.exec("sh", "-c", "echo kept > /data/f");
            }
            try (Engine engine = Berth.connect()) {
                assertThat(engine.docker().inspectVolumeCmd(name).exec().getLabels()).as("no session labels")
                        .satisfiesAnyOf(l -> assertThat(l).isNull(), l -> assertThat(l).isEmpty());
                try (RunningContainer c = engine.start(writer(Mount.existingVolume(name, "/data")))) {
                    assertThat(c.exec("cat", "/data/f").stdout()).isEqualTo("kept\n");
                }
                assertThat(exists(engine, name)).as("an existing volume is never removed").isTrue();

                String missing = name + "-missing";
                int before = engine.docker().listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of("dev.berth.session", engine.session().id())).exec().size();
                assertThatThrownBy(() -> engine.start(writer(Mount.existingVolume(missing, "/data"))))
                        .isInstanceOf(InvalidSpecException.class)
                        .hasMessage("Invalid existing volume: \"" + missing + "\". Allowed: a volume the engine has"
                                + " (docker volume create " + missing + "), or Mount.volume(…) for one Berth creates"
                                + " and removes, or Mount.persistentVolume(…) for one it creates and keeps."
                                + " Example: Mount.volume(\"" + missing + "\", \"/data\").");
                assertThat(exists(engine, missing)).isFalse();
                assertThat(engine.docker().listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of("dev.berth.session", engine.session().id())).exec()).hasSize(before);
            }
        } finally {
            try (Engine engine = Berth.connect()) {
                engine.docker().removeVolumeCmd(name).exec();
            }
        }
    }

    @Test
    void aBindMountIsAlwaysExisting() {
        assertThat(Mount.bind("/srv", "/data").ownership()).isEqualTo(Mount.Ownership.EXISTING);
        assertThatThrownBy(() -> new Mount("/srv", "/data", false, Mount.Relabel.NONE, false, Mount.Ownership.SCOPED))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("Invalid mount ownership: \"SCOPED\".");
        assertThat(List.of(Mount.volume("v", "/v").ownership(), Mount.existingVolume("v", "/v").ownership(),
                Mount.persistentVolume("v", "/v").ownership()))
                .containsExactly(Mount.Ownership.SCOPED, Mount.Ownership.EXISTING, Mount.Ownership.PERSISTENT);
    }
}
