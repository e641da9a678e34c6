package dev.berth.junit;

import dev.berth.InvalidSpecException;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Every configuration error the extension reports, built in one place. Each names where the problem
 * is (class and field or parameter), the value, what is allowed and an example.
 */
final class Errors {
    static final String EXAMPLE_FIELD =
            "@Container(image = \"localhost:5000/berth-fixtures/busybox:1\") static RunningContainer web;";

    private Errors() {
    }

    static ExtensionConfigurationException of(String where, String problem, Object value, String allowed,
                                              String example) {
        return new ExtensionConfigurationException(where + ": " + problem + ": " + quote(value) + ". Allowed: "
                + allowed + ". Example: " + example);
    }

    static String field(Declaration d) {
        return "@Container field " + d.where();
    }

    static ExtensionConfigurationException finalField(Declaration d) {
        return of(field(d), "an annotation-only container field must not be final", "final " + d.field().getName(),
                "a non-final RunningContainer field Berth assigns, or a ContainerSpec field initializer",
                EXAMPLE_FIELD);
    }

    static ExtensionConfigurationException unsupportedType(Declaration d) {
        return of(field(d), "unsupported field type", d.field().getType().getName(),
                "RunningContainer (annotation only) or ContainerSpec (field initializer)", EXAMPLE_FIELD);
    }

    static ExtensionConfigurationException noImage(Declaration d) {
        return of(field(d), "no image source", d.form() == Declaration.Form.SPEC ? "null" : "image = \"\"",
                "an image in @Container(image = ...) on a RunningContainer field, or a ContainerSpec initializer",
                EXAMPLE_FIELD);
    }

    static ExtensionConfigurationException conflictingImage(Declaration d, String specImage) {
        return of(field(d), "@Container(image) conflicts with the initializer's image " + quote(specImage),
                d.annotation().image(), "no image in the annotation, or the same image",
                "@Container static ContainerSpec web = ContainerSpec.of(\"localhost:5000/berth-fixtures/busybox:1\");");
    }

    static ExtensionConfigurationException conflictingName(Declaration d, String specName) {
        return of(field(d), "the initializer's withName differs from the logical name " + quote(d.name()), specName,
                "no withName (the field name or @Container(name) is used), or the same name",
                "@Container(name = \"db\") static ContainerSpec database = ContainerSpec.of(...);");
    }

    static ExtensionConfigurationException badEnv(Declaration d, String entry) {
        return of(field(d), "env entry without '='", entry, "\"NAME=value\" entries", "env = {\"POSTGRES_PASSWORD=secret\"}");
    }


    static ExtensionConfigurationException badWait(Declaration d, String value) {
        return of(field(d), "invalid waitFor", value, "at most one of log, port and http, and times >= 1",
                "waitFor = @WaitFor(log = \".*ready.*\", times = 2)");
    }

    static ExtensionConfigurationException invalidSpec(Declaration d, RuntimeException e) {
        return new ExtensionConfigurationException(field(d) + ": " + e.getMessage(), e);
    }

    static ExtensionConfigurationException unknownNetwork(Declaration d, String network, List<String> declared) {
        return of(field(d), "unknown network", network,
                "a network declared with @WithNetwork on the class or an enclosing class " + declared,
                "@WithNetwork(name = \"" + network + "\") on the class");
    }

    static ExtensionConfigurationException aliasesWithoutNetwork(Declaration d) {
        return of(field(d), "aliases without a network", String.join(",", d.annotation().aliases()),
                "aliases together with network", "network = \"backend\", aliases = \"db\"");
    }

    static ExtensionConfigurationException sharedOnNetwork(Declaration d) {
        return of(field(d), "a @Shared container cannot join a class's network", d.annotation().network(),
                "@Shared containers without network", "@Shared @Container(image = ...) static RunningContainer cache;");
    }

    static ExtensionConfigurationException sharedInstanceSpec(Declaration d) {
        return of(field(d), "a @Shared ContainerSpec initializer must be static", d.field().getName(),
                "a static ContainerSpec field, or an annotation-only RunningContainer field",
                "@Shared @Container static ContainerSpec cache = ContainerSpec.of(...);");
    }

    static ExtensionConfigurationException duplicateName(Declaration d, Declaration other) {
        return of(field(d), "duplicate container name (also used by " + other.where() + ")", d.name(),
                "one container per logical name among a class, its superclasses and enclosing classes",
                "@Container(name = \"" + d.name() + "2\", ...)");
    }

    static ExtensionConfigurationException duplicateAlias(Declaration d, Declaration other, String network,
                                                          String alias) {
        return of(field(d), "duplicate alias on network " + quote(network) + " (also used by " + other.where() + ")",
                alias, "each alias once per network", "aliases = \"" + alias + "2\"");
    }

    static ExtensionConfigurationException unknownDependency(Declaration d, String name, List<String> known) {
        return of(field(d), "dependsOn names no container", name, "the logical name of a container of " + known,
                "dependsOn = \"db\"");
    }

    static ExtensionConfigurationException laterDependency(Declaration d, Declaration dep, String why) {
        return of(field(d), "dependsOn names a container that starts later (" + why + ")", dep.name(),
                "containers of the same or a longer-lived scope (run > class > test)", "dependsOn = \"db\"");
    }


    static ExtensionConfigurationException sharedConflict(Declaration d, String runningImage) {
        return of(field(d), "a @Shared container of this name already runs with image " + quote(runningImage),
                d.annotation().image(), "the same name and image in every class sharing it, or another name",
                "@Shared @Container(name = \"" + d.name() + "-2\", ...)");
    }

    static ExtensionConfigurationException specNetwork(Declaration d, String network) {
        return of(field(d), "the initializer joins a declared network by its declared name", network,
                "@Container(network = ..., aliases = ...) on the field: the engine name is unique per run",
                "@Container(network = \"" + network + "\", aliases = \"db\")");
    }

    static ExtensionConfigurationException ambiguous(String where, String type, List<String> candidates) {
        return of(where, candidates.size() + " candidates of type " + type + " and no qualifier",
                String.join(", ", candidates), "@Use(\"name\") naming one of them, or a parameter/field of that name",
                "@Use(\"" + candidates.get(0) + "\") " + type + " " + candidates.get(0));
    }

    static ExtensionConfigurationException unknownUse(String where, String type, String name, List<String> candidates) {
        return of(where, "@Use names no " + type, name, "one of " + candidates,
                "@Use(\"" + (candidates.isEmpty() ? "db" : candidates.get(0)) + "\")");
    }

    static ExtensionConfigurationException badUseField(String where, Class<?> type) {
        return of(where, "@Use on an unsupported field type", type.getName(), "RunningContainer, Network, Engine, or a"
                + " typed handle with a public static of(RunningContainer) factory such as the modules' PostgresContainer",
                "@Use(\"db\") RunningContainer db;");
    }

    static ExtensionConfigurationException badConfig(String key, String value, String allowed, String example) {
        return new ExtensionConfigurationException("Configuration parameter " + key + ": invalid value "
                + quote(value) + ". Allowed: " + allowed + ". Example: " + key + "=" + example);
    }

    static ExtensionConfigurationException badConfig(String key, InvalidSpecException e) {
        return new ExtensionConfigurationException("Configuration parameter " + key + ": " + e.getMessage(), e);
    }

    /** A plan of containers started together that core rejected (cycle, duplicate name or alias, …). */
    static ExtensionConfigurationException invalidPlan(String scope, InvalidSpecException e) {
        return new ExtensionConfigurationException("@Container fields of " + scope + ": " + e.getMessage(), e);
    }

    static String parameter(Parameter p) {
        Executable e = p.getDeclaringExecutable();
        String owner = e.getDeclaringClass().getName();
        String member = e instanceof java.lang.reflect.Constructor ? "<init>" : e.getName();
        return "parameter " + p.getName() + " of " + owner + "." + member;
    }

    static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
