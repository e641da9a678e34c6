package dev.berth.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.berth.BadApiLeak;
import dev.berth.archcyclea.CycleA;
import dev.berth.archcycleb.CycleB;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} evaluated against a deliberately bad class from the test sources reports
 * the violation, so a rule that passes on core's classes passes because they keep it, not because it cannot fail.
 */
class ArchitectureRulesCanFailTest {

    @Test
    void theJUnitRuleReportsAClassThatUsesJUnit() {
        EvaluationResult result = ArchitectureTest.noJUnit().evaluate(classes(BadUsesJUnit.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(BadUsesJUnit.class.getName())
                && d.contains("org.junit.jupiter.api.Assertions"));
    }

    @Test
    void theCycleRuleReportsTwoPackagesThatUseEachOther() {
        EvaluationResult result = ArchitectureTest.noCycles().evaluate(classes(CycleA.class, CycleB.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("archcyclea", "archcycleb");
    }

    @Test
    void theLayeringRuleReportsCleanupReachingTheSnapshotStage() throws Exception {
        Class<?> bad = Class.forName("dev.berth.cleanup.BadCleanupReachesSnapshot");
        Class<?> target = Class.forName("dev.berth.snapshot.BadSnapshotTarget");
        EvaluationResult result = ArchitectureTest.layering().evaluate(classes(bad, target));
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("BadCleanupReachesSnapshot", "BadSnapshotTarget");
    }

    @Test
    void theSignatureRuleReportsDockerJavaAndInternalTypesInAnApiClass() {
        assertThat(ArchitectureTest.leaks(classes(BadApiLeak.class))).containsExactlyInAnyOrder(
                "dev.berth.BadApiLeak.container() names com.github.dockerjava.api.model.Container",
                "dev.berth.BadApiLeak.session() names dev.berth.session.Session");
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
