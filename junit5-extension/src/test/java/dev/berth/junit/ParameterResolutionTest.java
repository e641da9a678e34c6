package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.berth.junit.fixtures.Recorder;
import dev.berth.junit.fixtures.ResolverFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Berth resolves only parameters it can back (docs/junit-extension.md, "Parameters"), so another extension
 * resolving the same type works next to it; where both claim one, JUnit's own error names them.
 */
class ParameterResolutionTest {
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
