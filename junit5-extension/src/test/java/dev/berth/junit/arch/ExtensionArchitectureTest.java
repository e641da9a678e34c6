package dev.berth.junit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.berth.junit.arch.bad.LeakyExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The extension's direction rules, held against its compiled classes (tests excluded): it never talks to
 * docker-java, and no public type shows a core-internal (or docker-java) type in a signature. (That it reaches
 * core's internals only through the two packages core exports to it is the module descriptors' to enforce:
 * compiling {@code module-info.java} fails otherwise.) Each rule is also shown to fail on a
 * deliberately bad class ({@link LeakyExtension}, test sources only), so none of them passes vacuously.
 */
class ExtensionArchitectureTest {
    /** Core's API packages (module-info.java exports them to everyone) and the extension's own. */
    static final Set<String> API_PACKAGES = Set.of("dev.berth", "dev.berth.wait", "dev.berth.compose", "dev.berth.junit");

    static final ArchRule NO_DOCKER_JAVA = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.github.dockerjava..")
            .because("the extension is a thin adapter over core; only core talks to docker-java");


    static final ArchRule NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES = classes().that().arePublic()
            .should(new ArchCondition<JavaClass>("name only java.*, JUnit and API types in public signatures") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    leaks(c).forEach(leak -> events.add(SimpleConditionEvent.violated(c, leak)));
                }
            });

    private static final JavaClasses EXTENSION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.berth.junit");
    private static final JavaClasses BAD = new ClassFileImporter().importClasses(LeakyExtension.class);

    @Test
    void theExtensionNeverImportsDockerJava() {
        assertThat(EXTENSION).as("classes imported").isNotEmpty();
        NO_DOCKER_JAVA.check(EXTENSION);
    }


    @Test
    void noPublicExtensionTypeExposesACoreInternalType() {
        NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES.check(EXTENSION);
    }

    @Test
    void eachRuleFailsOnADeliberatelyBadClass() {
        EvaluationResult dockerJava = NO_DOCKER_JAVA.evaluate(BAD);
        assertThat(dockerJava.hasViolation()).isTrue();
        assertThat(dockerJava.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("com.github.dockerjava.api.DockerClient"));

        EvaluationResult signatures = NO_INTERNAL_TYPE_IN_PUBLIC_SIGNATURES.evaluate(BAD);
        assertThat(signatures.hasViolation()).isTrue();
        assertThat(signatures.getFailureReport().getDetails()).containsExactlyInAnyOrder(
                LeakyExtension.class.getName() + ".report() names dev.berth.report.ReportSettings",
                LeakyExtension.class.getName() + ".docker is a com.github.dockerjava.api.DockerClient");
    }

    /** @return each public or protected member of a public class that names a type outside the allowed ones */
    static List<String> leaks(JavaClass c) {
        List<String> out = new ArrayList<>();
        for (JavaCodeUnit m : c.getCodeUnits()) {
            if (!visible(m.getModifiers()) || m.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                continue;
            }
            List<JavaClass> involved = new ArrayList<>(m.getReturnType().getAllInvolvedRawTypes());
            m.getParameterTypes().forEach(p -> involved.addAll(p.getAllInvolvedRawTypes()));
            m.getThrowsClause().getTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
            involved.stream().filter(t -> !allowed(t)).map(JavaClass::getName).distinct()
                    .forEach(t -> out.add(c.getName() + "." + m.getName() + "() names " + t));
        }
        for (JavaField f : c.getFields()) {
            if (visible(f.getModifiers())) {
                f.getType().getAllInvolvedRawTypes().stream().filter(t -> !allowed(t))
                        .forEach(t -> out.add(c.getName() + "." + f.getName() + " is a " + t.getName()));
            }
        }
        return out;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean allowed(JavaClass t) {
        JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
        String pkg = base.getPackageName();
        return base.isPrimitive() || pkg.startsWith("java.") || pkg.startsWith("org.junit.")
                || API_PACKAGES.contains(pkg);
    }
}
