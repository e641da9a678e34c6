package dev.berth.compose;

import dev.berth.InvalidSpecException;
import java.util.Map;

/** Service keys compose has and Berth refuses on purpose, each with the reason and the fix in its message. */
final class RefusedKeys {
    private RefusedKeys() {
    }

    /**
     * {@code container_name} and {@code restart} are refused with the reason and the fix: a fixed name clashes
     * between parallel runs (Berth names containers per session; the service name is the DNS name), and a restart
     * policy fights Berth's cleanup (a container restarting while it is removed, a crash hidden from the report).
     */
    static void check(String name, Map<String, Value> keys) {
        Value fixed = keys.get("container_name");
        if (fixed != null) {
            throw new ComposeFileException(InvalidSpecException.message("compose key", "container_name",
                    "no fixed container name: Berth names every container per session (berth-" + name
                            + "-<session>-<n>) so that parallel runs never clash, and other services reach it by its"
                            + " service name " + name + "; to keep the name " + fixed.text() + " resolvable, make it"
                            + " a network alias (see docs/compose.md)",
                    "networks: {default: {aliases: [" + fixed.text() + "]}}"), fixed.keyAt());
        }
        Value restart = keys.get("restart");
        if (restart != null) {
            throw new ComposeFileException(InvalidSpecException.message("compose key", "restart",
                    "no restart policy: Berth removes every container when its scope ends, and a restarting container"
                            + " fights that cleanup and hides a crash from the failure report; remove the key (a"
                            + " service that must run to completion is a depends_on condition, see docs/compose.md)",
                    "depends_on: {migrate: {condition: service_completed_successfully}}"), restart.keyAt());
        }
    }
}
