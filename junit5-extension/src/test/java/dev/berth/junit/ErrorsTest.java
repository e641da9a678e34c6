package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.berth.junit.fixtures.ErrorFixtures;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Every misconfiguration fails the class with its exact message, before any container exists. */
class ErrorsTest {
    private static final String F = "dev.berth.junit.fixtures.ErrorFixtures$";
    private static final String EXAMPLE = "Example: @Container(image = \"localhost:5000/berth-fixtures/busybox:1\")"
            + " static RunningContainer web;";

    private final Kit kit = new Kit();

    @AfterEach
    void close() {
        kit.close();
    }

    private void assertFails(Class<?> fixture, String message) {
        kit.assertConfigurationError(fixture, message);
    }

    @Test
    void finalAnnotationOnlyField() {
        assertFails(ErrorFixtures.FinalField.class, "@Container field " + F + "FinalField.db: an annotation-only"
                + " container field must not be final: \"final db\". Allowed: a non-final RunningContainer field"
                + " Berth assigns, or a ContainerSpec field initializer. " + EXAMPLE);
    }

    @Test
    void unsupportedFieldType() {
        assertFails(ErrorFixtures.UnsupportedType.class, "@Container field " + F + "UnsupportedType.db: unsupported"
                + " field type: \"java.lang.String\". Allowed: RunningContainer (annotation only) or ContainerSpec"
                + " (field initializer). " + EXAMPLE);
    }

    @Test
    void containerWithoutImage() {
        assertFails(ErrorFixtures.NoImage.class, "@Container field " + F + "NoImage.db: no image source:"
                + " \"image = \"\"\". Allowed: an image in @Container(image = ...) on a RunningContainer field, or a"
                + " ContainerSpec initializer. " + EXAMPLE);
    }

    @Test
    void specFieldWithoutInitializer() {
        assertFails(ErrorFixtures.NullSpec.class, "@Container field " + F + "NullSpec.db: no image source:"
                + " \"null\". Allowed: an image in @Container(image = ...) on a RunningContainer field, or a"
                + " ContainerSpec initializer. " + EXAMPLE);
    }

    @Test
    void annotationImageConflictingWithInitializer() {
        assertFails(ErrorFixtures.ConflictingImage.class, "@Container field " + F + "ConflictingImage.db:"
                + " @Container(image) conflicts with the initializer's image"
                + " \"localhost:5000/berth-fixtures/busybox:1\": \"localhost:5000/berth-fixtures/redis:7\"."
                + " Allowed: no image in the annotation, or the same image. Example: @Container static ContainerSpec"
                + " web = ContainerSpec.of(\"localhost:5000/berth-fixtures/busybox:1\");");
    }

    @Test
    void unknownNetworkName() {
        assertFails(ErrorFixtures.UnknownNetwork.class, "@Container field " + F + "UnknownNetwork.db: unknown"
                + " network: \"frontend\". Allowed: a network declared with @WithNetwork on the class or an enclosing"
                + " class [backend]. Example: @WithNetwork(name = \"frontend\") on the class");
    }

    @Test
    void duplicateContainerNames() {
        assertFails(ErrorFixtures.DuplicateName.class, "@Container field " + F + "DuplicateName.second: duplicate"
                + " container name (also used by " + F + "DuplicateName.first): \"db\". Allowed: one container per"
                + " logical name among a class, its superclasses and enclosing classes. Example:"
                + " @Container(name = \"db2\", ...)");
    }

    @Test
    void duplicateAliasesInOneNetwork() {
        assertFails(ErrorFixtures.DuplicateAlias.class, "@Container field " + F + "DuplicateAlias.second: duplicate"
                + " alias on network \"backend\" (also used by " + F + "DuplicateAlias.first): \"db\". Allowed: each"
                + " alias once per network. Example: aliases = \"db2\"");
    }

    @Test
    void dependsOnCycleIsNamedByCoresStartPlanBeforeAnyContainerExists() {
        assertFails(ErrorFixtures.Cycle.class, "@Container fields of " + F + "Cycle: Invalid dependsOn:"
                + " \"app -> cache -> db -> app\". Allowed: dependencies without a cycle. Example: db <- app"
                + " (app.withDependsOn(\"db\")).");
    }

    @Test
    void unknownDependency() {
        assertFails(ErrorFixtures.UnknownDependency.class, "@Container field " + F + "UnknownDependency.app:"
                + " dependsOn names no container: \"database\". Allowed: the logical name of a container of"
                + " [ok, app]. Example: dependsOn = \"db\"");
    }

    @Test
    void classScopedContainerCannotDependOnPerTestOne() {
        assertFails(ErrorFixtures.StaticDependsOnInstance.class, "@Container field " + F
                + "StaticDependsOnInstance.app: dependsOn names a container that starts later (instance field, this"
                + " one class-scoped): \"perTest\". Allowed: containers of the same or a longer-lived scope"
                + " (run > class > test). Example: dependsOn = \"db\"");
    }

    @Test
    void ambiguousInjection() {
        assertFails(ErrorFixtures.Ambiguous.class, "parameter container of " + F + "Ambiguous.test: 2 candidates of"
                + " type RunningContainer and no qualifier: \"db, cache\". Allowed: @Use(\"name\") naming one of"
                + " them, or a parameter/field of that name. Example: @Use(\"db\") RunningContainer db");
    }

    @Test
    void useNamingNoContainer() {
        assertFails(ErrorFixtures.UnknownUse.class, "parameter container of " + F + "UnknownUse.test: @Use names no"
                + " RunningContainer: \"cache\". Allowed: one of [db]. Example: @Use(\"db\")");
    }

    @Test
    void useOnAFieldOfAnUnsupportedTypeListsEveryTypeItCanFill() {
        assertFails(ErrorFixtures.UseOnAString.class, "@Use field " + F + "UseOnAString.address: @Use on an"
                + " unsupported field type: \"java.lang.String\". Allowed: RunningContainer, Network, Engine, or a typed"
                + " handle with a public static of(RunningContainer) factory such as the modules' PostgresContainer."
                + " Example: @Use(\"db\") RunningContainer db;");
    }

    @Test
    void invalidValueFromCoreValidationNamesTheField() {
        assertFails(ErrorFixtures.BadPort.class, "@Container field " + F + "BadPort.db: Invalid exposed port: 70000."
                + " Allowed: 1 to 65535. Example: 6379.");
    }

    @Test
    void invalidLimitFromCoreNamesTheField() {
        assertFails(ErrorFixtures.BadLimit.class, "@Container field " + F + "BadLimit.db: " + coreMessage(
                () -> dev.berth.Limits.none().withMemory("lots")));
    }

    @Test
    void hardenedAndPrivilegedContradict() {
        assertFails(ErrorFixtures.PrivilegedHardened.class, "@Container field " + F + "PrivilegedHardened.db:"
                + " Invalid security: \"privileged with cap drop ALL\". Allowed: privileged alone, or capabilities,"
                + " seccomp and AppArmor profiles without privileged (a privileged container gets every capability"
                + " and runs without seccomp and AppArmor, so the engine would silently ignore them;"
                + " Security.hardened() drops every capability). Example: Security.defaults().withPrivileged().");
    }

    @Test
    void namespaceReferenceToAnUnknownContainer() {
        assertFails(ErrorFixtures.BadNamespace.class, "@Container field " + F + "BadNamespace.db: dependsOn names no"
                + " container: \"nobody\". Allowed: the logical name of a container of [ok, db]. Example:"
                + " dependsOn = \"db\"");
    }

    @Test
    void invalidNetworkDeclarationNamesTheClass() {
        assertFails(ErrorFixtures.BadNetworkDriver.class, "@WithNetwork on " + F + "BadNetworkDriver: " + coreMessage(
                () -> dev.berth.NetworkSpec.of("backend").withDriver("no such driver")));
    }

    @Test
    void cpusBeyondTheEngineFailBeforeTheValidContainerStarts() {
        int cpus = kit.probe().info().cpus();
        assertFails(ErrorFixtures.TooManyCpus.class, "@Container field " + F + "TooManyCpus.db: Invalid cpus: 1000.0."
                + " Allowed: more than 0 and at most the engine's " + cpus + " CPUs (docker info: NCPU). Example: 0.5.");
    }

    @Test
    void networkModeNoneOnADeclaredNetworkFailsBeforeTheNetworkExists() {
        String network = ErrorFixtures.NoneModeOnNetwork.NETWORK;
        Kit.Run run = kit.run(ErrorFixtures.NoneModeOnNetwork.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(ErrorFixtures.NoneModeOnNetwork.class), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("@Container field " + F + "NoneModeOnNetwork.db: " + coreMessage(
                                () -> kit.probe().validate(dev.berth.ContainerSpec.of(
                                        "localhost:5000/berth-fixtures/busybox:1").withNamespaces(dev.berth.Namespaces
                                        .defaults().withNetwork(dev.berth.NetworkMode.none())).withNetwork(network)))))));
        assertThat(run.created()).as("containers created").isEmpty();
        assertThat(run.createdNetworks()).as("networks created").noneMatch(n -> n.startsWith(network + "-"));
        assertThat(kit.leftovers()).isEmpty();
    }

    private static String coreMessage(Runnable invalid) {
        try {
            invalid.run();
        } catch (dev.berth.InvalidSpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected core to reject the value");
    }

    @Test
    void envEntryWithoutEquals() {
        assertFails(ErrorFixtures.BadEnv.class, "@Container field " + F + "BadEnv.db: env entry without '=':"
                + " \"PASSWORD\". Allowed: \"NAME=value\" entries. Example: env = {\"POSTGRES_PASSWORD=secret\"}");
    }

    @Test
    void unparsableStartupTimeout() {
        assertFails(ErrorFixtures.BadTimeout.class, "@Container field " + F + "BadTimeout.db: Invalid startupTimeout:"
                + " \"soon\". Allowed: a whole number with ms, s, m, h or d. Example: \"1h\".");
    }

    @Test
    void invalidConfigurationParameter() {
        Kit.Run run = kit.run(Map.of("berth.pull-policy", "sometimes"), ErrorFixtures.BadTimeout.class);
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(ErrorFixtures.BadTimeout.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(
                        "Configuration parameter berth.pull-policy: invalid value \"sometimes\". Allowed: MISSING,"
                                + " ALWAYS or NEVER. Example: berth.pull-policy=NEVER"))));
        assertThat(run.created()).isEmpty();
    }

}
