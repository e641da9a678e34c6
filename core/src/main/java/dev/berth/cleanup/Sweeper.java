package dev.berth.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.engine.EngineJson;
import dev.berth.engine.ImageLists;
import dev.berth.session.Session;
import dev.berth.session.Session.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds and removes the resources of dead sessions, with no sidecar: one label-filtered list call
 * per resource type, a {@link SweepPolicy} verdict per resource, then removal in teardown order
 * (containers → networks → images → volumes). Only resources carrying {@code dev.berth.session} are
 * ever listed, so nothing else is touched; kept snapshots are never swept.
 */
public final class Sweeper {
    private final DockerClient docker;
    private final SweepPolicy policy;
    private final List<String> labelFilter;

    /**
     * @param docker the engine client
     * @param policy what counts as a leftover
     */
    public Sweeper(DockerClient docker, SweepPolicy policy) {
        this(docker, policy, null);
    }

    /**
     * @param docker the engine client
     * @param policy what counts as a leftover
     * @param onlySession look only at this session's resources, or null for every session
     */
    public Sweeper(DockerClient docker, SweepPolicy policy, String onlySession) {
        this.docker = docker;
        this.policy = policy;
        this.labelFilter = List.of(onlySession == null ? Session.LABEL_SESSION : Session.LABEL_SESSION + "=" + onlySession);
    }

    /** What a sweep removed, what it failed to remove, and how long it took. */
    public record Result(List<Leftover> removed, List<StepFailure> failures, Duration took) {
        /** Copies the lists. */
        public Result {
            removed = List.copyOf(removed);
            failures = List.copyOf(failures);
        }

        /** @return one line per failed removal: the step, then the cause */
        public List<String> failureLines() {
            return failures.stream().map(f -> f.step() + ": " + f.cause()).toList();
        }
    }

    /**
     * @return the leftovers, in removal order (four list calls, nothing removed); the lists are read as the
     *     engine's JSON, not docker-java's models, whose deserializers cost a fresh JVM more than the sweep itself
     */
    public List<Leftover> find() {
        List<Leftover> out = new ArrayList<>();
        String filter = "filters=" + EngineJson.filters("label", labelFilter);
        for (JsonNode c : EngineJson.get(docker, "/containers/json?all=1&" + filter,
                () -> docker.listContainersCmd().withShowAll(true).withLabelFilter(labelFilter).exec())) {
            String id = EngineJson.text(c, "Id");
            String first = c.path("Names").path(0).asText("");
            String name = first.isEmpty() ? id : first.replaceFirst("^/", "");
            consider(out, Kind.CONTAINER, id, name, containerLabels(EngineJson.labels(c), EngineJson.text(c, "ImageID")));
        }
        for (JsonNode n : EngineJson.get(docker, "/networks?" + filter,
                () -> docker.listNetworksCmd().withFilter("label", labelFilter).exec())) {
            consider(out, Kind.NETWORK, EngineJson.text(n, "Id"), EngineJson.text(n, "Name"), EngineJson.labels(n));
        }
        for (JsonNode i : ImageLists.listAsTree(docker, filter,
                () -> docker.listImagesCmd().withFilter("label", labelFilter).exec())) {
            String id = EngineJson.text(i, "Id");
            String tag = i.path("RepoTags").path(0).asText("");
            consider(out, Kind.IMAGE, id, tag.isEmpty() || "<none>:<none>".equals(tag) ? id : tag, EngineJson.labels(i));
        }
        for (JsonNode v : EngineJson.get(docker, "/volumes?" + filter,
                () -> docker.listVolumesCmd().withFilter("label", labelFilter).exec()).path("Volumes")) {
            String name = EngineJson.text(v, "Name");
            consider(out, Kind.VOLUME, name, name, EngineJson.labels(v));
        }
        return out;
    }

    /**
     * A container started from a kept snapshot inherits the snapshot's labels, {@code dev.berth.keep}
     * included. When Berth started it in another session (its session label differs from the image's),
     * that inherited keep is dropped so a crashed run's container is still swept; a container that
     * carries the image's own session (one started by hand from the snapshot) stays protected.
     */
    private Map<String, String> containerLabels(Map<String, String> labels, String imageId) {
        if (!ResourceRemover.isKept(labels) || imageId == null) {
            return labels;
        }
        Map<String, String> image;
        try {
            var config = docker.inspectImageCmd(imageId).exec().getConfig();
            image = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
        } catch (NotFoundException gone) {
            return labels;
        }
        if (!ResourceRemover.isKept(image) || Objects.equals(image.get(Session.LABEL_SESSION), labels.get(Session.LABEL_SESSION))) {
            return labels;
        }
        Map<String, String> copy = new HashMap<>(labels);
        copy.remove(Session.LABEL_KEEP);
        return copy;
    }

    private void consider(List<Leftover> out, Kind kind, String id, String name, Map<String, String> labels) {
        Optional<String> reason = policy.verdict(labels);
        reason.ifPresent(r -> out.add(new Leftover(kind, id, name, labels, r)));
    }

    /**
     * Removes leftovers found by {@link #find()}; every removal is attempted.
     *
     * @param leftovers what to remove
     * @return what was removed and what failed
     */
    public Result remove(List<Leftover> leftovers) {
        long start = System.nanoTime();
        ResourceRemover remover = new ResourceRemover(docker);
        Steps steps = new Steps();
        List<Leftover> removed = new ArrayList<>();
        for (Kind kind : List.of(Kind.CONTAINER, Kind.NETWORK, Kind.IMAGE, Kind.VOLUME)) {
            for (Leftover l : leftovers) {
                if (l.kind() != kind) {
                    continue;
                }
                boolean ok = steps.attempt(ResourceRemover.describe("remove", kind, l.id(), l.name()), () -> {
                    switch (kind) {
                        case CONTAINER -> remover.removeContainer(l.id());
                        case NETWORK -> remover.removeNetwork(l.id());
                        case IMAGE -> remover.removeImageUnlessKept(l.id());
                        case VOLUME -> remover.removeVolume(l.id());
                        default -> throw new IllegalStateException(kind.name());
                    }
                });
                if (ok) {
                    removed.add(l);
                }
            }
        }
        return new Result(removed, steps.failures(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** @return the result of {@link #find()} then {@link #remove}, with the time of both */
    public Result sweep() {
        long start = System.nanoTime();
        Result r = remove(find());
        return new Result(r.removed(), r.failures(), Duration.ofNanos(System.nanoTime() - start));
    }
}
