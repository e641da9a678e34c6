package dev.berth.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import dev.berth.BerthException;
import dev.berth.StopPolicy;
import dev.berth.session.Session;
import dev.berth.engine.ImageIds;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The removal verbs of teardown ({@code docker stop}, {@code rm -f -v}, {@code network rm},
 * {@code rmi}, {@code volume rm}), each idempotent: a resource that is already gone counts as removed.
 * Failures are thrown; {@link Steps} collects them.
 */
public final class ResourceRemover {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceRemover.class);

    /** How long a removal waits, by default, for another caller's removal of the same container. */
    static final Duration IN_PROGRESS_WAIT = Duration.ofSeconds(60);

    private final DockerClient docker;
    private final Duration inProgressWait;

    /** @param docker the engine client */
    public ResourceRemover(DockerClient docker) {
        this(docker, IN_PROGRESS_WAIT);
    }

    ResourceRemover(DockerClient docker, Duration inProgressWait) {
        this.docker = docker;
        this.inProgressWait = inProgressWait;
    }

    /**
     * Stops a container gracefully (SIGTERM, then SIGKILL after the grace period) when the policy
     * says so; does nothing for the kill policy, since the forced removal kills it.
     *
     * @param id container id
     * @param name container name, for the log
     * @param policy the spec's stop policy
     */
    public void stop(String id, String name, StopPolicy policy) {
        if (!policy.graceful()) {
            return;
        }
        int seconds = (int) Math.min(Integer.MAX_VALUE, ceilSeconds(policy.grace()));
        long start = System.nanoTime();
        try {
            docker.stopContainerCmd(id).withTimeout(seconds).exec();
        } catch (NotFoundException | NotModifiedException goneOrStopped) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (seconds > 0 && took.toSeconds() >= seconds && killedAfterGrace(id)) {
            LOG.warn("Berth: container {} ignored SIGTERM for {}s and was killed. Its PID 1 probably has no SIGTERM"
                    + " handler (a PID 1 ignores signals it does not handle). Run it with an init process"
                    + " (Namespaces.withInit()) or use StopPolicy.kill() to skip the grace period.", name, seconds);
        }
    }

    private boolean killedAfterGrace(String id) {
        try {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
            return state != null && state.getExitCodeLong() != null && state.getExitCodeLong() == 137L;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long ceilSeconds(Duration d) {
        return d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    }

    /**
     * Removes a container (killing it if it still runs) with its anonymous volumes. Returns once it is gone: when
     * another caller's removal is already in progress (two sessions sweeping the same dead session), this waits for
     * that removal to finish, since what follows may need the host port or the name the container holds.
     *
     * @param id container id
     * @throws BerthException when another removal is still in progress after 60 s
     */
    public void removeContainer(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // removed already
        } catch (ConflictException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
            awaitGone(id);
        }
    }

    private void awaitGone(String id) {
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .atMost(inProgressWait).until(() -> isGone(id));
        } catch (ConditionTimeoutException e) {
            throw new BerthException("Container " + shortId(id) + " is still being removed by another caller after "
                    + inProgressWait.toSeconds() + " s; the engine may be overloaded or stuck. Remove it by hand:"
                    + " docker rm -f " + shortId(id));
        }
    }

    private boolean isGone(String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return false;
        } catch (NotFoundException gone) {
            return true;
        }
    }

    /**
     * Stops a container per its policy, then removes it with its anonymous volumes; both steps are
     * attempted (a failed graceful stop still ends in a forced removal).
     *
     * @param id container id
     * @param name container name
     * @param policy the spec's stop policy
     * @param steps where the steps are recorded
     * @return whether the container is gone
     */
    public boolean stopAndRemove(String id, String name, StopPolicy policy, Steps steps) {
        return stopAndRemove(id, name, policy, steps, () -> { });
    }

    /**
     * Like {@link #stopAndRemove(String, String, StopPolicy, Steps)}, running a last step between the two (the
     * handle reads the container's last log lines there, its shutdown lines included).
     *
     * @param id container id
     * @param name container name
     * @param policy the spec's stop policy
     * @param steps where the steps are recorded
     * @param beforeRemoval runs after the stop, before the removal; must not throw
     * @return whether the container is gone
     */
    public boolean stopAndRemove(String id, String name, StopPolicy policy, Steps steps, Runnable beforeRemoval) {
        if (policy.graceful()) {
            steps.attempt(describe("stop", Session.Kind.CONTAINER, id, name), () -> stop(id, name, policy));
        }
        beforeRemoval.run();
        return steps.attempt(describe("remove", Session.Kind.CONTAINER, id, name), () -> removeContainer(id));
    }

    /** @param id network id */
    public void removeNetwork(String id) {
        try {
            docker.removeNetworkCmd(id).exec();
        } catch (NotFoundException gone) {
            // removed already
        }
    }

    /**
     * Removes an image unless it carries {@code dev.berth.keep=true}.
     *
     * @param idOrReference image id or reference
     * @return false when the image is kept (and so not removed)
     */
    public boolean removeImageUnlessKept(String idOrReference) {
        String id = ImageIds.byId(idOrReference);
        Map<String, String> labels;
        try {
            var config = docker.inspectImageCmd(id).exec().getConfig();
            labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
        } catch (NotFoundException gone) {
            return true;
        }
        if (isKept(labels)) {
            return false;
        }
        try {
            docker.removeImageCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // removed already
        }
        return true;
    }

    /** @param name volume name */
    public void removeVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // removed already
        }
    }

    /**
     * @param labels a resource's labels
     * @return whether it is a snapshot the user asked to keep
     */
    public static boolean isKept(Map<String, String> labels) {
        return labels != null && "true".equalsIgnoreCase(labels.get(Session.LABEL_KEEP));
    }

    /**
     * @param verb what is done, e.g. {@code "remove"}
     * @param kind the resource kind
     * @param id engine id (image ids may carry {@code sha256:})
     * @param name human name
     * @return the step text, e.g. {@code "remove network backend-1a2b (id 0123456789ab)"}
     */
    public static String describe(String verb, Session.Kind kind, String id, String name) {
        String shortId = shortId(id);
        String label = kind.name().toLowerCase(java.util.Locale.ROOT);
        return name == null || name.isBlank() || name.equals(id)
                ? verb + " " + label + " " + shortId
                : verb + " " + label + " " + name + " (id " + shortId + ")";
    }

    /**
     * @param id an engine id
     * @return its first 12 hex digits, without {@code sha256:}
     */
    public static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 && bare.matches("[0-9a-f]+") ? bare.substring(0, 12) : bare;
    }
}
