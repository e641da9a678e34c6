package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.net.URL;
import org.junit.jupiter.api.Test;

class DockerJavaCheckTest {
    @Test
    void passesWithTheDockerJavaBerthIsBuiltAgainst() {
        assertThatCode(() -> DockerJavaCheck.require(getClass().getClassLoader())).doesNotThrowAnyException();
    }

    @Test
    void anOlderDockerJavaApiFailsWithTheVersionFoundAndTheFix() {
        ClassLoader older = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals("com.github.dockerjava.api.command.ImageHistoryCmd")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return name.endsWith("docker-java-api/pom.properties")
                        ? getClass().getResource("/dev/berth/engine/docker-java-api-3.7.0.properties") : super.getResource(name);
            }
        };

        assertThatThrownBy(() -> DockerJavaCheck.require(older))
                .isInstanceOf(BerthException.class)
                .hasMessage("docker-java-api 3.7.0 is on the classpath, but Berth needs 3.7.1 or later (it lacks"
                        + " com.github.dockerjava.api.command.ImageHistoryCmd). Another library (Testcontainers, for one)"
                        + " brought the older version and Maven kept the nearest. Fix: import dev.berth:berth-bom (type pom,"
                        + " scope import) in <dependencyManagement>, or declare com.github.docker-java:docker-java-api:3.7.1"
                        + " in your build.");
    }

    @Test
    void theRequiredVersionIsTheOneBerthIsBuiltAgainst() {
        assertThat(System.getProperty("berth.docker-java.version")).as("berth-parent's docker-java.version (surefire)")
                .isEqualTo(DockerJavaCheck.REQUIRED);
    }
}
