package dev.berth.engine;

import dev.berth.BerthException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * Fails fast, saying how to fix it, when an older docker-java-api than Berth's won the user's
 * dependency tree (Maven keeps the nearest version: Testcontainers declared before Berth brings its
 * own one level nearer). Without it the first call docker-java added since fails mid-test with a
 * {@code NoClassDefFoundError}. docs/dependencies.md explains the conflict.
 */
final class DockerJavaCheck {
    /** The docker-java version Berth is built against (berth-parent's docker-java.version). */
    static final String REQUIRED = "3.7.1";
    /** docker-java-api types Berth calls that older versions lack. */
    static final List<String> REQUIRED_TYPES = List.of("com.github.dockerjava.api.command.ImageHistoryCmd");
    private static final String POM_PROPERTIES = "META-INF/maven/com.github.docker-java/docker-java-api/pom.properties";

    private DockerJavaCheck() {
    }

    /**
     * @param loader the class loader docker-java is loaded from
     * @throws BerthException naming the docker-java-api found and the fix, when a required type is missing
     */
    static void require(ClassLoader loader) {
        for (String type : REQUIRED_TYPES) {
            try {
                Class.forName(type, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new BerthException(message(foundVersion(loader), type), e);
            }
        }
    }

    static String message(String found, String missingType) {
        return "docker-java-api " + found + " is on the classpath, but Berth needs " + REQUIRED + " or later (it lacks "
                + missingType + "). Another library (Testcontainers, for one) brought the older version and Maven kept"
                + " the nearest. Fix: import dev.berth:berth-bom (type pom, scope import) in <dependencyManagement>,"
                + " or declare com.github.docker-java:docker-java-api:" + REQUIRED + " in your build.";
    }

    private static String foundVersion(ClassLoader loader) {
        URL url = loader.getResource(POM_PROPERTIES);
        if (url == null) {
            return "of unknown version";
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return "of unknown version";
        }
        return p.getProperty("version", "of unknown version");
    }
}
