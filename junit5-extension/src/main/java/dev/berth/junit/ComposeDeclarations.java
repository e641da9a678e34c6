package dev.berth.junit;

import dev.berth.RunningContainer;
import dev.berth.compose.ComposeFileException;
import dev.berth.compose.ComposeModel;
import dev.berth.compose.ComposeProject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test class's {@link Compose} file and its {@link ComposeService} fields, checked before anything
 * starts: the file is read (a bad file fails the class with its exact message), every field names an
 * active service, and {@link ResetPerTest} sits on at most one static field of a class-scoped project.
 *
 * @param testClass the class carrying {@code @Compose}
 * @param compose the annotation
 * @param project the project it describes
 * @param fields the {@code @ComposeService} fields (superclass fields first)
 * @param reset the one {@code @ResetPerTest} field, if any
 */
record ComposeDeclarations(Class<?> testClass, Compose compose, ComposeProject project, List<Field> fields,
                           Optional<Field> reset) {
    static final String EXAMPLE = "@ComposeService(\"db\") static RunningContainer db;";

    /** @param model what the class declares
     * @return the class's declarations, or empty when it has no {@code @Compose} */
    static Optional<ComposeDeclarations> of(ClassModel model) {
        Class<?> testClass = model.testClass();
        Optional<Compose> compose = AnnotationSupport.findAnnotation(testClass, Compose.class);
        if (compose.isEmpty()) {
            return Optional.empty();
        }
        ComposeProject project = ComposeProject.file(compose.get().value()).withProfiles(compose.get().profiles());
        for (String pair : compose.get().env()) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw Errors.of("@Compose on " + testClass.getName(), "env entry", pair, "NAME=value",
                        "@Compose(value = \"src/test/resources/docker-compose.yml\", env = \"TAG=15\")");
            }
            project = project.withEnv(pair.substring(0, eq), pair.substring(eq + 1));
        }
        List<Field> fields = new ArrayList<>();
        for (Field f : model.fields()) {
            if (AnnotationSupport.isAnnotated(f, ComposeService.class)) {
                fields.add(f);
            }
        }
        List<Field> resets = fields.stream().filter(f -> AnnotationSupport.isAnnotated(f, ResetPerTest.class)).toList();
        return Optional.of(new ComposeDeclarations(testClass, compose.get(), project, List.copyOf(fields),
                resets.stream().findFirst()));
    }

    /**
     * @return the file read and validated
     * @throws ExtensionConfigurationException naming the class or field
     */
    ComposeModel validate() {
        ComposeModel model;
        try {
            model = project.load();
        } catch (ComposeFileException e) {
            throw new ExtensionConfigurationException("@Compose on " + testClass.getName() + ": " + e.getMessage(), e);
        }
        for (Field f : fields) {
            String where = "@ComposeService field " + f.getDeclaringClass().getName() + "." + f.getName();
            String service = AnnotationSupport.findAnnotation(f, ComposeService.class).orElseThrow().value();
            if (f.getType() != RunningContainer.class) {
                throw Errors.of(where, "unsupported field type", f.getType().getName(), "RunningContainer", EXAMPLE);
            }
            if (!model.activeServices().contains(service)) {
                throw Errors.of(where, "unknown service", service, "a started service of " + compose.value() + ": "
                        + String.join(", ", model.activeServices()), EXAMPLE);
            }
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            if (isStatic && compose.perTest()) {
                throw Errors.of(where, "a static field with @Compose(perTest = true)", f.getName(),
                        "instance fields: every test has its own project", "@ComposeService(\"db\") RunningContainer db;");
            }
            ResetPerTest resetAnnotation = AnnotationSupport.findAnnotation(f, ResetPerTest.class).orElse(null);
            if (resetAnnotation != null && resetAnnotation.cache() && resetAnnotation.seedVersion().isBlank()) {
                throw SnapshotErrors.cacheWithoutSeedVersion(f.getDeclaringClass().getName() + "." + f.getName());
            }
            if (AnnotationSupport.isAnnotated(f, ResetPerTest.class) && (!isStatic || !reset.get().equals(f))) {
                throw Errors.of(where, "@ResetPerTest", f.getName(), "on one static @ComposeService field of a"
                        + " class-scoped @Compose", "@ComposeService(\"db\") @ResetPerTest static RunningContainer db;");
            }
        }
        return model;
    }

    /** @return the service name of the {@code @ResetPerTest} field, if any */
    Optional<String> resetService() {
        return reset.map(f -> AnnotationSupport.findAnnotation(f, ComposeService.class).orElseThrow().value());
    }
}
