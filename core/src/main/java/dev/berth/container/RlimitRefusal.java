package dev.berth.container;

import dev.berth.Limits;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a runtime that may not raise a resource limit the spec did not set. Once a spec sets any ulimit, Podman
 * 4.3 gives {@code nproc} and {@code nofile}, when the spec leaves them out, their maximum (1048576) instead of its
 * configured {@code default_ulimits}; where the engine may not raise them above the host's limits (an engine in a
 * container, without {@code CAP_SYS_RESOURCE}), runc refuses: "error setting rlimit type 6". Docker leaves them as
 * its own process has them.
 */
final class RlimitRefusal {
    private static final Pattern REFUSED = Pattern.compile("error setting rlimit type (\\d+)");
    /** Linux's RLIMIT_* numbers of the two limits Podman raises. */
    private static final Map<String, String> NAMES = Map.of("6", "nproc", "7", "nofile");

    private RlimitRefusal() {
    }

    /**
     * @param limits the spec's limits
     * @param reason the failure's text
     * @return an explanation to append to the reason (starting with "; "), or empty
     */
    static String explain(Limits limits, String reason) {
        Matcher m = REFUSED.matcher(reason == null ? "" : reason);
        if (!m.find() || limits.ulimits().isEmpty()) {
            return "";
        }
        String name = NAMES.get(m.group(1));
        if (name == null || limits.ulimits().containsKey(name)) {
            return "";
        }
        return "; the runtime may not raise the ulimit " + name + ", which the spec does not set: once a spec sets a"
                + " ulimit (here " + String.join(", ", limits.ulimits().keySet()) + "), Podman gives " + name
                + " its maximum (1048576) instead of its configured default, and this engine may not raise it above"
                + " the host's limit. Set it too, e.g. .ulimit(\"" + name + "\", 4096, 4096)";
    }
}
