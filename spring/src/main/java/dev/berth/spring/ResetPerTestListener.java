package dev.berth.spring;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Before each test method of a class with {@code @BerthServiceConnection(resetPerTest = true)} fields,
 * restores the services behind their stable endpoints and has the context's HikariCP pools drop the
 * connections to the used copies (soft eviction: the next borrow opens a new connection). Registered in
 * {@code META-INF/spring.factories}.
 */
public final class ResetPerTestListener extends AbstractTestExecutionListener {

    /** Created by Spring's {@code SpringFactoriesLoader}. */
    public ResetPerTestListener() {
    }

    @Override
    public int getOrder() {
        return 1900; // before TransactionalTestExecutionListener (4000) and @Sql (5000) take a connection
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!declaresReset(testContext.getTestClass())) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        BerthServices services = context.getBeanProvider(BerthServices.class).getIfAvailable();
        if (services != null && services.beforeTest()) {
            evictPools(context);
        }
    }

    private static boolean declaresReset(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (var f : c.getDeclaredFields()) {
                BerthServiceConnection a = f.getAnnotation(BerthServiceConnection.class);
                if (a != null && a.resetPerTest()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void evictPools(ApplicationContext context) {
        if (!ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", context.getClassLoader())) {
            return;
        }
        for (HikariDataSource pool : context.getBeansOfType(HikariDataSource.class).values()) {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }
}
