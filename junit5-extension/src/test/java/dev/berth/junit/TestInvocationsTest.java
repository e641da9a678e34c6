package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.junit.fixtures.InvocationCountFixtures.NoTests;
import dev.berth.junit.fixtures.InvocationCountFixtures.Plain;
import dev.berth.junit.fixtures.InvocationCountFixtures.WithFactory;
import dev.berth.junit.fixtures.InvocationCountFixtures.WithParameterized;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The test invocations a class declares, read as JUnit finds its test methods (no engine involved). */
class TestInvocationsTest {
    @Test
    void countsTestsAndRepetitionsInheritedOrMetaAnnotatedOnceEachAndSkipsDisabledOnes() {
        // inherited 1 + overridden 1 + metaAnnotated 1 + repeated 3
        assertThat(TestInvocations.declaredBy(Plain.class)).isEqualTo(OptionalInt.of(6));
    }

    @Test
    void aParameterizedTestOrATestFactoryMakesTheCountUnknown() {
        assertThat(List.of(TestInvocations.declaredBy(WithParameterized.class),
                TestInvocations.declaredBy(WithFactory.class))).containsOnly(OptionalInt.empty());
    }

    @Test
    void aClassWithoutTestsDeclaresNone() {
        assertThat(TestInvocations.declaredBy(NoTests.class)).isEqualTo(OptionalInt.of(0));
    }
}
