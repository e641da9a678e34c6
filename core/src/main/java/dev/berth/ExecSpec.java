package dev.berth;

import java.util.Optional;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command to run in a running container: immutable, changed through {@code with…} copies.
 *
 * <pre>{@code
 * ExecResult r = container.exec(ExecSpec.of("sh", "-c", "id -u").withUser("nobody"));
 * }</pre>
 */
public final class ExecSpec {
    private final List<String> command;
    private final String user;
    private final Map<String, String> env;
    private final Duration timeout;

    private ExecSpec(List<String> command, String user, Map<String, String> env, Duration timeout) {
        this.command = command;
        this.user = user;
        this.env = env;
        this.timeout = timeout;
    }

    /**
     * @param command the command and its arguments; at least one element
     * @return a spec running it as the container's user with a 60 s timeout
     */
    public static ExecSpec of(String... command) {
        if (command == null || command.length == 0 || Arrays.stream(command).anyMatch(c -> c == null)) {
            throw new InvalidSpecException("exec command", command == null ? "null" : Arrays.toString(command),
                    "a program and its arguments, none null", "ExecSpec.of(\"sh\", \"-c\", \"echo hi\")");
        }
        return new ExecSpec(List.of(command), null, Map.of(), Duration.ofSeconds(60));
    }

    /** @return the command and its arguments */
    public List<String> command() { return command; }
    /** @return the user to run as, empty for the container's user */
    public Optional<String> user() { return Optional.ofNullable(user); }
    /** @return extra environment variables */
    public Map<String, String> env() { return env; }
    /** @return the most time the command may take */
    public Duration timeout() { return timeout; }

    /**
     * @param user {@code user}, {@code uid}, {@code user:group} or {@code uid:gid}
     * @return the changed copy
     */
    public ExecSpec withUser(String user) {
        Names.user("exec user", user, "\"nobody\"");
        return new ExecSpec(command, user, env, timeout);
    }

    /**
     * @param name variable name
     * @param value its value
     * @return the changed copy
     */
    public ExecSpec withEnv(String name, String value) {
        if (name == null || name.isEmpty() || name.contains("=")) {
            throw new InvalidSpecException("exec environment variable name", String.valueOf(name),
                    "a non-empty name without '='", "\"LANG\"");
        }
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, String.valueOf(value));
        return new ExecSpec(command, user, Collections.unmodifiableMap(copy), timeout);
    }

    /**
     * @param timeout the most time the command may take; positive
     * @return the changed copy
     */
    public ExecSpec withTimeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidSpecException("exec timeout", String.valueOf(timeout), "a positive duration",
                    "Duration.ofSeconds(10)");
        }
        return new ExecSpec(command, user, env, timeout);
    }

    /** @return true for an ExecSpec with the same values */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExecSpec o
                && Objects.equals(command, o.command) && Objects.equals(user, o.user)
                && Objects.equals(env, o.env)
                && Objects.equals(timeout, o.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, user, env, timeout);
    }

    /** @return the command, user, environment names (not values: they may be secret) and timeout */
    @Override
    public String toString() {
        return "ExecSpec[command=" + command + (user == null ? "" : ", user=" + user)
                + (env.isEmpty() ? "" : ", env=" + env.keySet()) + ", timeout=" + timeout + "]";
    }
}
