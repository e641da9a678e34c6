package dev.berth.wait;

import dev.berth.ExecSpec;
import dev.berth.InvalidSpecException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Static factory of the built-in {@link WaitStrategy} values. Every strategy is stateless and
 * fails at once, with the exit code, if the container exits while it waits; polling strategies
 * check first after 10 ms, backing off to every 100 ms.
 */
public final class Wait {
    private Wait() {
    }

    /** @return a strategy that does not wait: ready once started */
    public static WaitStrategy none() {
        return (container, timeout) -> { };
    }

    /** @return ready once every exposed port accepts a TCP connection from this host on its mapped port */
    public static WaitStrategy forListeningPort() {
        return new PortWait(List.of());
    }

    /**
     * @param containerPorts the exposed ports to check
     * @return ready once each accepts a TCP connection from this host on its mapped port
     */
    public static WaitStrategy forListeningPorts(int... containerPorts) {
        for (int p : containerPorts) {
            if (p < 1 || p > 65535) {
                throw new InvalidSpecException("wait port", p, "1 to 65535", "6379");
            }
        }
        return new PortWait(Arrays.stream(containerPorts).boxed().toList());
    }

    /**
     * @param path the path to GET, e.g. {@code "/"}
     * @return ready once a GET answers 2xx; refine with {@link HttpWait#forStatusCode(int)} etc.
     */
    public static HttpWait forHttp(String path) {
        return HttpWait.of(path);
    }

    /**
     * @param regex a regular expression a whole log line must match
     * @return ready once one captured log line matches
     */
    public static WaitStrategy forLogMessage(String regex) {
        return forLogMessage(regex, 1);
    }

    /**
     * @param regex a regular expression a whole log line must match
     * @param times how many matching lines to see; 1 or more
     * @return ready once {@code times} captured log lines match
     */
    public static WaitStrategy forLogMessage(String regex, int times) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(String.valueOf(regex));
        } catch (PatternSyntaxException e) {
            throw new InvalidSpecException("log message regex", String.valueOf(regex),
                    "a java.util.regex pattern matching a whole line", "\".*Ready to accept connections.*\"");
        }
        if (times < 1) {
            throw new InvalidSpecException("log message count", times, "1 or more", "2");
        }
        return new LogMessageWait(pattern, times);
    }

    /** @return ready once Docker reports the container's healthcheck healthy */
    public static WaitStrategy forHealthcheck() {
        return new HealthcheckWait();
    }

    /**
     * @param command a command run in the container (with a 5 s timeout per attempt)
     * @return ready once it exits 0
     */
    public static WaitStrategy forCommand(String... command) {
        return new CommandWait(ExecSpec.of(command).withTimeout(java.time.Duration.ofSeconds(5)));
    }

    /**
     * @param strategies strategies satisfied one after the other, sharing the timeout
     * @return ready once all are
     */
    public static WaitStrategy allOf(WaitStrategy... strategies) {
        if (strategies == null || strategies.length == 0 || Arrays.stream(strategies).anyMatch(s -> s == null)) {
            throw new InvalidSpecException("wait strategies", String.valueOf(Arrays.toString(strategies)),
                    "one or more strategies, none null", "Wait.allOf(Wait.forListeningPort(), Wait.forHttp(\"/\"))");
        }
        return new AllOfWait(List.of(strategies));
    }
}
