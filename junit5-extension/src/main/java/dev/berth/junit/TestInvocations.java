package dev.berth.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * How many test invocations a test class declares, read from its methods the way JUnit finds them (inherited ones
 * included, an overridden one once, meta-annotations honoured): one per {@code @Test}, a {@code @RepeatedTest}'s
 * count, none for a {@code @Disabled} method. Unknown when the class has a method whose invocations only running it
 * tells: any other {@code @TestTemplate} (such as {@code @ParameterizedTest}) or a {@code @TestFactory}.
 *
 * <p>The count is an upper bound of what one run of the class executes: a filter, a condition or an aborted
 * repetition runs fewer. It is what {@link PrepareAhead} caps its depth at, so no container is prepared for a
 * test past the class's last.
 */
final class TestInvocations {
    private TestInvocations() {
    }

    /**
     * @param testClass a test class
     * @return the invocations its test methods declare, or empty when one of them has a count known only at run time
     */
    static OptionalInt declaredBy(Class<?> testClass) {
        List<Method> methods = ReflectionSupport.findMethods(testClass, TestInvocations::mayBeTest,
                HierarchyTraversalMode.TOP_DOWN);
        int count = 0;
        for (Method m : methods) {
            if (AnnotationSupport.isAnnotated(m, Disabled.class)) {
                continue;
            }
            if (AnnotationSupport.isAnnotated(m, RepeatedTest.class)) {
                count += Math.max(0, AnnotationSupport.findAnnotation(m, RepeatedTest.class).orElseThrow().value());
            } else if (AnnotationSupport.isAnnotated(m, TestTemplate.class)
                    || AnnotationSupport.isAnnotated(m, TestFactory.class)) {
                return OptionalInt.empty();
            } else if (AnnotationSupport.isAnnotated(m, Test.class)) {
                count++;
            }
        }
        return OptionalInt.of(count);
    }

    /** JUnit runs no static, private or abstract method as a test. */
    private static boolean mayBeTest(Method m) {
        int mod = m.getModifiers();
        return !Modifier.isStatic(mod) && !Modifier.isPrivate(mod) && !Modifier.isAbstract(mod);
    }
}
