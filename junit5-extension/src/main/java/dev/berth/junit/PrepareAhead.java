package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.Scope;
import dev.berth.PreparedStarts;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The containers one test class starts ahead of its tests ({@code berth.prepare-ahead}): a thin adapter over core's
 * {@link PreparedStarts}, in the store of the test's innermost class, so JUnit removes what no test claimed when the
 * class ends (before the class's own containers, networks and snapshots). A test's fresh containers are claimed from
 * it when a prepared one has an equal spec; each one handed over starts its successor in the background. The tests
 * whose containers came through here are removed in the background too, while the next test runs; the class's end
 * awaits those removals.
 *
 * <p>No more are kept waiting than the class has tests left to begin ({@link TestInvocations}), so nothing is
 * started for a test past the class's last; a class whose count is known only at run time (a
 * {@code @ParameterizedTest}) keeps the full depth, and its last prepared one is removed unclaimed.
 */
final class PrepareAhead implements StoredResource {
    private static final String KEY = "prepare-ahead";

    private final Engine engine;
    private final PreparedStarts starts;
    private final List<CompletableFuture<Void>> removals = new ArrayList<>();
    private final OptionalInt invocations;
    private final Set<String> begun = new HashSet<>();

    private PrepareAhead(Engine engine, int depth, OptionalInt invocations) {
        this.engine = engine;
        this.starts = new PreparedStarts(engine, depth);
        this.invocations = invocations;
    }

    /**
     * @param test a test context
     * @return its class's prepared starts, created on the first ask, with the test counted as begun; empty when
     *     {@code berth.prepare-ahead=0} or the test has no class context
     */
    static Optional<PrepareAhead> of(ExtensionContext test) {
        RunState run = RunState.of(test);
        int depth = run.config().prepareAhead();
        Optional<ExtensionContext> owner = classOf(test);
        if (depth == 0 || owner.isEmpty()) {
            return Optional.empty();
        }
        ExtensionContext classContext = owner.get();
        PrepareAhead ahead = classContext.getStore(RunState.NS).getOrComputeIfAbsent(key(classContext),
                k -> new PrepareAhead(run.engine(classContext), depth,
                        TestInvocations.declaredBy(classContext.getRequiredTestClass())), PrepareAhead.class);
        synchronized (ahead.begun) {
            ahead.begun.add(test.getUniqueId());
        }
        return Optional.of(ahead);
    }

    /**
     * The class a test runs in. A {@code @RepeatedTest}'s or {@code @ParameterizedTest}'s invocations sit under
     * their method's context, not directly under the class's.
     *
     * @param test a test context
     * @return the context of its innermost class, if it has one
     */
    static Optional<ExtensionContext> classOf(ExtensionContext test) {
        Optional<ExtensionContext> c = test.getParent();
        while (c.isPresent() && c.get().getTestMethod().isPresent()) {
            c = c.get().getParent();
        }
        return c.filter(ctx -> ctx.getTestClass().isPresent());
    }

    /**
     * @param classContext a class context
     * @return its prepared starts if one of its tests made them
     */
    static Optional<PrepareAhead> existing(ExtensionContext classContext) {
        return Optional.ofNullable(classContext.getStore(RunState.NS).get(key(classContext), PrepareAhead.class));
    }

    /** Per class context: a store also answers for its ancestors' keys, and a @Nested class has its own. */
    private static String key(ExtensionContext classContext) {
        return KEY + ":" + classContext.getUniqueId();
    }

    /**
     * Hands over the prepared containers for the specs that may have one.
     *
     * @param specs a scope's specs, named
     * @param running the containers of longer-lived scopes, by name
     * @param optedOut logical names declared {@code @Container(prepareAhead = false)}
     * @param owner receives each container handed over, with its logical name
     * @return the specs still to start
     */
    List<ContainerSpec> claim(List<ContainerSpec> specs, Map<String, RunningContainer> running, Set<String> optedOut,
                              BiConsumer<String, RunningContainer> owner) {
        List<ContainerSpec> rest = new ArrayList<>();
        for (ContainerSpec spec : specs) {
            Optional<RunningContainer> claimed = preparable(spec, specs, optedOut)
                    ? starts.claim(spec, dependencies(spec, running)) : Optional.empty();
            if (claimed.isPresent()) {
                owner.accept(spec.name().orElseThrow(), claimed.get());
            } else {
                rest.add(spec);
            }
        }
        return rest;
    }

    /**
     * Starts the successors of a scope's containers in the background, for the next test.
     *
     * @param specs the scope's specs, named
     * @param running the containers of longer-lived scopes, by name
     * @param optedOut logical names declared {@code @Container(prepareAhead = false)}
     */
    void prepare(List<ContainerSpec> specs, Map<String, RunningContainer> running, Set<String> optedOut) {
        int left = testsLeft();
        for (ContainerSpec spec : specs) {
            if (preparable(spec, specs, optedOut)) {
                starts.prepare(spec, dependencies(spec, running), left);
            }
        }
    }

    /** @return the class's tests not yet begun, or {@link Integer#MAX_VALUE} when its count is known only at run time */
    private int testsLeft() {
        if (invocations.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        synchronized (begun) {
            return Math.max(0, invocations.getAsInt() - begun.size());
        }
    }

    /** Not opted out, accepted by core, and depending only on longer-lived containers (they outlive the wait). */
    private static boolean preparable(ContainerSpec spec, List<ContainerSpec> scope, Set<String> optedOut) {
        if (optedOut.contains(spec.name().orElseThrow()) || !PreparedStarts.canPrepare(spec)) {
            return false;
        }
        Set<String> names = new HashSet<>();
        scope.forEach(s -> names.add(s.name().orElseThrow()));
        return spec.dependsOn().stream().noneMatch(names::contains);
    }

    private static Map<String, RunningContainer> dependencies(ContainerSpec spec, Map<String, RunningContainer> running) {
        Map<String, RunningContainer> out = new HashMap<>();
        for (String dep : spec.dependsOn()) {
            RunningContainer c = running.get(dep);
            if (c != null) {
                out.put(dep, c);
            }
        }
        return out;
    }

    /** @return containers started ahead so far, claimed or not */
    int preparedCount() {
        return starts.preparedCount();
    }

    /**
     * Removes a test's containers on a background thread while the next test runs; the class's end awaits it.
     *
     * @param scope the test's containers
     */
    void removeLater(Scope scope) {
        CompletableFuture<Void> removal = engine.discardLater(scope);
        synchronized (removals) {
            removals.removeIf(CompletableFuture::isDone);
            removals.add(removal);
        }
    }

    /**
     * Awaits the tests' background removals, then removes the prepared containers no test claimed. A removal that
     * failed is reported when the engine closes (core's background removals keep the failure).
     */
    @Override
    public void close() {
        List<CompletableFuture<Void>> pending;
        synchronized (removals) {
            pending = List.copyOf(removals);
            removals.clear();
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        starts.close();
    }
}
