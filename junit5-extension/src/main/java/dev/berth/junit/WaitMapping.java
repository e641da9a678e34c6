package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.wait.Wait;
import dev.berth.wait.WaitStrategy;

/** Maps {@link WaitFor} onto a wait strategy; an empty {@code @WaitFor} keeps the spec's own. */
final class WaitMapping {
    private WaitMapping() {
    }

    static ContainerSpec apply(Declaration d, ContainerSpec spec) {
        WaitFor w = d.annotation().waitFor();
        int set = (w.log().isEmpty() ? 0 : 1) + (w.port() ? 1 : 0) + (w.http().isEmpty() ? 0 : 1);
        if (set > 1 || w.times() < 1) {
            throw Errors.badWait(d, describe(w));
        }
        if (set == 0) {
            return spec;
        }
        WaitStrategy strategy;
        if (!w.log().isEmpty()) {
            strategy = Wait.forLogMessage(w.log(), w.times());
        } else if (w.port()) {
            strategy = Wait.forListeningPort();
        } else {
            strategy = Wait.forHttp(w.http());
        }
        return spec.waitingFor(strategy);
    }

    private static String describe(WaitFor w) {
        return "@WaitFor(log = \"" + w.log() + "\", times = " + w.times() + ", port = " + w.port() + ", http = \""
                + w.http() + "\")";
    }
}
