package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.berth.junit.fixtures.AbstractBaseFixture;
import dev.berth.junit.fixtures.InjectionFixture;
import dev.berth.junit.fixtures.MetaAnnotatedFieldFixture;
import dev.berth.junit.fixtures.MetaAnnotatedFixture;
import dev.berth.junit.fixtures.NestedFixture;
import dev.berth.junit.fixtures.NetworkFixture;
import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.ResolverFixtures;
import dev.berth.junit.fixtures.SharedFixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Nested classes, inherited and meta-annotated declarations, shared containers, injection and parameter resolution. */
class StructureTest {
    private final Kit kit = new Kit();

    @BeforeEach
    void clear() {
        Recorder.clear();
    }

    @AfterEach
    void close() {
        kit.close();
        assertThat(new Kit().leftoversAndClose()).isEmpty();
    }

    @Test
    void nestedClassSeesEnclosingContainers() {
        Kit.Run run = kit.run(NestedFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        List<String> outer = Recorder.values("outerClass");
        assertThat(outer).hasSize(3).containsOnly(outer.get(0));
        List<String> inner = Recorder.values("innerClass");
        assertThat(inner).hasSize(2).containsOnly(inner.get(0)).doesNotContain(outer.get(0));
        List<String> perTest = Recorder.values("outerTest");
        assertThat(perTest).hasSize(2).doesNotHaveDuplicates();
        // outer class + inner class + one outer instance container per test (3 tests); none started ahead past
        // either class's last test (berth.prepare-ahead counts each class's own tests)
        assertThat(run.created()).hasSize(5).noneMatch(kit::exists);
    }

    @Test
    void superclassContainersStartForEachSubclass() {
        Kit.Run run = kit.run(AbstractBaseFixture.SubA.class, AbstractBaseFixture.SubB.class);

        run.results().testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        String a = Recorder.values("SubA.base").get(0);
        String b = Recorder.values("SubB.base").get(0);
        assertThat(a).isNotEqualTo(b);
        assertThat(Recorder.values("SubA.network")).doesNotContainAnyElementsOf(Recorder.values("SubB.network"));
        assertThat(Recorder.values("SubA.own")).hasSize(1).doesNotContain(a);
        assertThat(run.created()).hasSize(3).noneMatch(kit::exists);
    }

    @Test
    void sharedContainerStartsOncePerRun() {
        Kit.Run run = kit.run(SharedFixtures.First.class, SharedFixtures.Second.class);

        run.results().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        List<String> ids = Recorder.values("shared");
        assertThat(ids).hasSize(2).containsOnly(ids.get(0));
        assertThat(Recorder.values("session")).hasSize(2).containsOnly(Recorder.values("session").get(0));
        assertThat(run.created()).containsExactly(ids.get(0));
        assertThat(kit.exists(ids.get(0))).isFalse();
    }

    @Test
    void containersReachEachOtherByAliasOnADeclaredNetwork() {
        Kit.Run run = kit.run(NetworkFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Recorder.values("web")).containsExactly("0 from-web");
        assertThat(Recorder.values("www")).containsExactly("0 from-web");
        assertThat(Recorder.values("loner")).singleElement().isNotEqualTo("0");
        assertThat(Recorder.values("internal")).containsExactly("true");
        // and no per-test one started ahead: the class has one test (berth.prepare-ahead counts the tests left)
        assertThat(run.created()).hasSize(3).noneMatch(kit::exists);
    }

    @Test
    void dockerTestWorksAsAMetaAnnotationAndRunsWhenAnEngineAnswers() {
        Kit.Run run = kit.run(MetaAnnotatedFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(run.created()).containsExactlyElementsOf(Recorder.values("meta")).noneMatch(kit::exists);
    }

    @Test
    void fieldAnnotationsCountOnAUsersMetaAnnotation() {
        Kit.Run run = kit.run(MetaAnnotatedFieldFixture.Fixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        String sidecar = Recorder.values("sidecar").get(0);
        assertThat(Recorder.values("qualified")).containsExactly(sidecar);
        assertThat(Recorder.values("inherited")).singleElement().isNotEqualTo(sidecar);
        assertThat(Recorder.values("memory")).containsExactly(String.valueOf(32L * 1024 * 1024));
        assertThat(run.created()).hasSize(2).noneMatch(kit::exists);
    }

    @Test
    void injectsIntoConstructorsFieldsAndParameters() {
        Kit.Run run = kit.run(InjectionFixture.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        String db = Recorder.values("db").get(0);
        assertThat(Recorder.values("ctor")).containsExactly(db);
        assertThat(Recorder.values("dbField")).containsExactly(db);
        assertThat(Recorder.values("app")).hasSize(1).doesNotContain(db);
        assertThat(Recorder.values("backend").get(0)).startsWith("backend-");
        assertThat(Recorder.values("frontend").get(0)).startsWith("frontend-");
        assertThat(Recorder.values("engine")).isEqualTo(Recorder.values("ctorEngine"));
        assertThat(run.created()).hasSize(2).noneMatch(kit::exists);
    }

    // Berth resolves only parameters it can back (docs/junit-extension.md, "Injection"), so another extension
    // resolving the same type works next to it; where both claim one, JUnit's own error names them.

    @Test
    void anotherResolverOfTheSameTypeWorksWhereBerthDeclaresNoContainer() {
        Kit.Run run = kit.run(ResolverFixtures.Coexisting.class);

        run.results().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Recorder.values("container")).containsExactly(ResolverFixtures.OtherResolver.STAND_IN);
        assertThat(Recorder.values("network")).singleElement().asString().startsWith("backend-");
        assertThat(run.created()).isEmpty();
    }

    @Test
    void whereBothClaimAParameterJUnitNamesTheCompetingResolvers() {
        Kit.Run run = kit.run(ResolverFixtures.Competing.class);

        String competing = "Discovered multiple competing ParameterResolvers for parameter [dev.berth.RunningContainer"
                + " db] in method [void dev.berth.junit.fixtures.ResolverFixtures$Competing.test(dev.berth"
                + ".RunningContainer)]: ";
        run.results().testEvents().assertThatEvents().haveExactly(1, event(test("test"), finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(m -> m.startsWith(competing) && m.substring(competing.length()).matches(
                        "dev\\.berth\\.junit\\.BerthExtension@\\p{XDigit}+,"
                                + " dev\\.berth\\.junit\\.fixtures\\.ResolverFixtures\\$OtherResolver@\\p{XDigit}+")))));
        assertThat(run.created()).hasSize(1).noneMatch(kit::exists);
    }
}
