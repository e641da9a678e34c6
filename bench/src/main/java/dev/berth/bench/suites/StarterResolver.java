package dev.berth.bench.suites;

import dev.berth.bench.BerthStarter;
import dev.berth.bench.RawDockerStarter;
import dev.berth.bench.Starter;
import dev.berth.bench.TestcontainersStarter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a suite's lifecycle methods the {@link Starter} named by the launcher configuration
 * parameters {@value #TECHNOLOGY} ({@code raw}, {@code testcontainers}, {@code berth}) and
 * {@value #RUN_ID}; one starter per launcher run, closed when the run ends.
 */
public final class StarterResolver implements ParameterResolver {
    /** Configuration parameter naming the technology. */
    public static final String TECHNOLOGY = "bench.technology";
    /** Configuration parameter carrying the run's label value. */
    public static final String RUN_ID = "bench.runId";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StarterResolver.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Starter.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Holder.class, k -> new Holder(create(context)),
                Holder.class).starter;
    }

    private static Starter create(ExtensionContext context) {
        String technology = context.getConfigurationParameter(TECHNOLOGY).orElse("raw");
        String runId = context.getConfigurationParameter(RUN_ID).orElse("bench-suite");
        return switch (technology) {
            case "raw" -> new RawDockerStarter(runId);
            case "testcontainers" -> new TestcontainersStarter(runId);
            case "berth" -> new BerthStarter();
            default -> throw new IllegalArgumentException(TECHNOLOGY + "=" + technology
                    + " is not one of raw, testcontainers, berth");
        };
    }

    /** Closes the starter when the launcher run ends. */
    private record Holder(Starter starter) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            starter.close();
        }
    }
}
