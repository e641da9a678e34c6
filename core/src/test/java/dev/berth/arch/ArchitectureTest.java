package dev.berth.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The direction rules of the design notes, held against core's compiled classes (tests excluded).
 * A rule that breaks names each offending class or member.
 */
class ArchitectureTest {
    /** The packages {@code module-info.java} exports to everyone. */
    static final Set<String> API_PACKAGES = Set.of("dev.berth", "dev.berth.wait", "dev.berth.compose");
    /**
     * The one documented exception to "no API signature names a docker-java type": the escape hatch
     * {@code Engine.docker()}, for what Berth does not cover.
     */
    static final Set<String> ALLOWED_EXCEPTIONS = Set.of("dev.berth.Engine.docker()");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.berth");

    static ArchRule noJUnit() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..");
    }

    static ArchRule noCycles() {
        return slices().matching("dev.berth.(*)..").should().beFreeOfCycles();
    }

    @Test
    void coreNeverImportsJUnit() {
        noJUnit().check(CORE);
    }

    @Test
    void internalPackagesHaveNoCycles() {
        noCycles().check(CORE);
    }

    /**
     * The flow spec → image → container → snapshot → teardown: a stage never reaches a later one. Reports
     * and cleanup are services the container stage calls when a start fails or a container is removed,
     * so they sit below it and reach nothing above the engine connection and the session ledger. The HTTP/1.x
     * framing that the bulk transport and the readiness GET share sits below everything and reaches nothing.
     */
    @Test
    void stagesDependOnlyOnEarlierStages() {
        layering().check(CORE);
    }

    static ArchRule layering() {
        return layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.berth..")
                .layer("api").definedBy("dev.berth")
                .layer("snapshot").definedBy("dev.berth.snapshot..")
                .layer("container").definedBy("dev.berth.container..", "dev.berth.network..")
                .layer("image").definedBy("dev.berth.image..")
                .layer("report").definedBy("dev.berth.report..")
                .layer("cleanup").definedBy("dev.berth.cleanup..")
                .layer("connection").definedBy("dev.berth.engine..", "dev.berth.session..")
                .layer("wait").definedBy("dev.berth.wait..")
                .layer("http").definedBy("dev.berth.http..")
                .whereLayer("snapshot").mayOnlyBeAccessedByLayers("api")
                .whereLayer("container").mayOnlyBeAccessedByLayers("api")
                .whereLayer("image").mayOnlyBeAccessedByLayers("api", "container", "snapshot")
                .whereLayer("report").mayOnlyBeAccessedByLayers("api", "container")
                .whereLayer("cleanup").mayOnlyBeAccessedByLayers("api", "container")
                .whereLayer("connection").mayOnlyBeAccessedByLayers("api", "container", "image", "snapshot",
                        "cleanup", "report")
                .whereLayer("http").mayNotAccessAnyLayer();
    }

    @Test
    void noApiSignatureNamesADockerJavaOrInternalType() {
        assertThat(leaks(CORE)).as("API signatures naming types outside java.* and the API packages").isEmpty();
    }

    /** @return each API member (or supertype) naming a type outside {@code java.*} and the API packages */
    static List<String> leaks(JavaClasses classes) {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!isApi(c)) {
                continue;
            }
            c.getRawSuperclass().filter(s -> !allowed(s)).ifPresent(s -> leaks.add(c.getName() + " extends " + s.getName()));
            c.getRawInterfaces().stream().filter(i -> !allowed(i))
                    .forEach(i -> leaks.add(c.getName() + " implements " + i.getName()));
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!visible(m.getModifiers()) || m.getName().startsWith("lambda$") || m.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                String member = c.getName() + "." + m.getName() + "(" + String.join(", ",
                        m.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList()) + ")";
                if (ALLOWED_EXCEPTIONS.contains(member)) {
                    continue;
                }
                List<JavaClass> involved = new ArrayList<>(m.getReturnType().getAllInvolvedRawTypes());
                m.getParameterTypes().forEach(p -> involved.addAll(p.getAllInvolvedRawTypes()));
                m.getThrowsClause().getTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
                involved.stream().filter(t -> !allowed(t)).map(JavaClass::getName).distinct()
                        .forEach(t -> leaks.add(member + " names " + t));
            }
            for (JavaField f : c.getFields()) {
                if (visible(f.getModifiers())) {
                    f.getType().getAllInvolvedRawTypes().stream().filter(t -> !allowed(t))
                            .forEach(t -> leaks.add(c.getName() + "." + f.getName() + " is a " + t.getName()));
                }
            }
        }
        return leaks;
    }

    private static boolean isApi(JavaClass c) {
        return API_PACKAGES.contains(c.getPackageName()) && c.getModifiers().contains(JavaModifier.PUBLIC)
                && (c.getEnclosingClass().isEmpty() || isApi(c.getEnclosingClass().get()));
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean allowed(JavaClass t) {
        JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
        return base.isPrimitive() || base.getPackageName().startsWith("java.") || isApi(base);
    }
}
