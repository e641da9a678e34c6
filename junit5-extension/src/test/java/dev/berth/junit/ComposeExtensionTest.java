package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.ComposeFixtures;
import dev.berth.junit.fixtures.Recorder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Compose} through the test kit: scopes, injection, {@code @ResetPerTest} on one service, errors. */
class ComposeExtensionTest {
    private final Kit kit = new Kit();

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void aClassScopedProjectIsInjectedIntoFieldsAndParameters() {
        Kit.Run run = kit.run(ComposeFixtures.ClassScoped.class);

        run.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        List<String> store = Recorder.values("store");
        assertThat(store).hasSize(2).containsOnly(store.get(0));
        assertThat(Recorder.values("param")).isEqualTo(store);
        assertThat(Recorder.values("client")).hasSize(2).doesNotContain(store.get(0));
        assertThat(Recorder.values("client")).containsOnly(Recorder.values("client").get(0));
        assertThat(Recorder.values("project")).containsOnly("compose");
        assertThat(Recorder.values("byAlias")).containsExactly("ok", "ok");
        assertThat(run.created()).hasSize(2).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aPerTestProjectStartsForEveryTest() {
        Kit.Run run = kit.run(ComposeFixtures.PerTest.class);

        run.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("store")).hasSize(2).doesNotHaveDuplicates();
        assertThat(run.created()).hasSize(4).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void oneServiceIsResetPerTestAndTheOtherStays() {
        Kit.Run run = kit.run(ComposeFixtures.Reset.class);

        run.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(Recorder.values("rows")).containsExactly("seed", "seed");
        List<String> fresh = Recorder.values("param");
        assertThat(fresh).hasSize(2).doesNotHaveDuplicates().doesNotContain(Recorder.values("seeded").get(0));
        assertThat(Recorder.values("field")).isEqualTo(fresh);
        assertThat(Recorder.values("client")).hasSize(2).containsOnly(Recorder.values("client").get(0));
        assertThat(Recorder.values("byAlias")).containsExactly("ok", "ok");
        // store + client, then one copy per test
        assertThat(run.created()).hasSize(4).noneMatch(kit::exists);
        assertThat(kit.leftovers()).isEmpty();
    }

    @Test
    void aFieldNamingAnUnknownServiceFailsTheClassBeforeAnythingStarts() {
        kit.assertConfigurationError(ComposeFixtures.UnknownService.class, "@ComposeService field "
                + ComposeFixtures.UnknownService.class.getName() + ".cache: unknown service: \"cache\". Allowed: a"
                + " started service of src/test/resources/compose/store.yml: store, client. Example:"
                + " @ComposeService(\"db\") static RunningContainer db;");
    }

    @Test
    void aBadFileFailsTheClassWithTheExactMessage() {
        kit.assertConfigurationError(ComposeFixtures.BadFile.class, "@Compose on "
                + ComposeFixtures.BadFile.class.getName() + ": Invalid compose key: \"replicas\". Allowed: the keys"
                + " Berth supports under services.app.deploy: resources (see docs/compose.md). Example: resources. At"
                + " ../core/src/test/resources/compose/bad/unsupported-nested-key.yml, line 5, column 7"
                + " (services.app.deploy.replicas).");
    }
}
