package dev.berth.snapshot;

import dev.berth.Layer;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.berth.engine.EngineKind;
import dev.berth.engine.LoopbackRegistry;
import dev.berth.image.ImageNames;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.berth.BerthException;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** Pushes images to registries and reads their layer history. */
public final class Registries {
    private static final Pattern REGISTRY = Pattern.compile("[a-zA-Z0-9.-]+(:[0-9]{1,5})?");
    private final DockerClient docker;
    private final Supplier<EngineKind> kind;

    /**
     * @param docker the engine client
     * @param kind the engine's kind (Podman keeps a commit's comment elsewhere), read when history is asked
     */
    public Registries(DockerClient docker, Supplier<EngineKind> kind) {
        this.docker = docker;
        this.kind = kind;
    }

    /**
     * Tags the image as {@code registry/repository:tag}, pushes it, and removes that extra tag again
     * unless it existed before.
     *
     * @param image a local image
     * @param registry {@code host[:port]}, e.g. {@code localhost:5000}
     * @param timeout the most the push may take
     * @return the reference in the registry
     */
    public ImageRef push(ImageRef image, String registry, Duration timeout) {
        if (registry == null || !REGISTRY.matcher(registry).matches()) {
            throw new InvalidSpecException("registry", String.valueOf(registry), "host[:port]", "\"localhost:5000\"");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new InvalidSpecException("push timeout", String.valueOf(timeout), "a positive duration",
                    "Duration.ofMinutes(5)");
        }
        ImageRef target = image.withRegistry(registry);
        String tag = target.tag().orElse("latest");
        String source = image.toString();
        try {
            docker.inspectImageCmd(source).exec();
        } catch (NotFoundException e) {
            throw new BerthException(Messages.imageMissing("push " + source + " to registry " + registry, source), e);
        }
        boolean tagExisted = exists(target.name() + ":" + tag);
        if (!tagExisted) {
            docker.tagImageCmd(source, target.name(), tag).exec();
        }
        AtomicReference<String> error = new AtomicReference<>();
        try {
            ResultCallback.Adapter<PushResponseItem> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.isErrorIndicated()) {
                        error.compareAndSet(null, item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                                ? item.getErrorDetail().getMessage() : "the push failed without details");
                    }
                }

                @Override
                public void onError(Throwable t) {
                    error.compareAndSet(null, t.getMessage());
                    super.onError(t);
                }
            };
            boolean done = docker.pushImageCmd(target.name()).withTag(tag).exec(callback)
                    .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                callback.close();
                throw new BerthException(Messages.pushTimedOut(source, registry, timeout));
            }
            if (error.get() != null) {
                throw new BerthException(Messages.pushFailed(source, registry, error.get().strip(),
                        LoopbackRegistry.unreachableHint(registry, kind)));
            }
            return ImageRef.parse(target.name() + ":" + tag);
        } catch (DockerException | DockerClientException e) {
            throw new BerthException(Messages.pushFailed(source, registry, error.get() != null ? error.get() : e.getMessage(),
                    LoopbackRegistry.unreachableHint(registry, kind)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Interrupted while pushing " + source + " to registry " + registry, e);
        } catch (java.io.IOException e) {
            throw new BerthException(Messages.pushFailed(source, registry, e.getMessage(), ""), e);
        } finally {
            if (!tagExisted) {
                try {
                    docker.removeImageCmd(target.name() + ":" + tag).withNoPrune(true).exec();
                } catch (RuntimeException ignored) {
                    // the extra tag only; the image itself stays
                }
            }
        }
    }

    /**
     * @param image a local image
     * @return its layers, newest first
     */
    public List<Layer> history(ImageRef image) {
        List<ImageHistory> entries;
        try {
            entries = docker.imageHistoryCmd(image.toString()).exec();
        } catch (NotFoundException e) {
            throw new BerthException(Messages.imageMissing("read the history of " + image, image.toString()), e);
        }
        List<Layer> layers = entries.stream().map(h -> new Layer(layerId(h.getId()), Instant.ofEpochSecond(h.getCreated() == null ? 0 : h.getCreated()),
                h.getCreatedBy(), h.getSize() == null ? 0 : h.getSize(), h.getComment(), h.getTags())).toList();
        return layers.isEmpty() || !kind.get().podman() ? layers : withCommitComment(image, layers);
    }

    /**
     * Podman writes {@code FROM <parent>} as a committed layer's history comment, keeps the commit's
     * comment as the image's {@code Comment} and lists no tags: the newest layer gets that comment and the
     * image's tags, as Docker reports them.
     */
    private List<Layer> withCommitComment(ImageRef image, List<Layer> layers) {
        Layer top = layers.get(0);
        InspectImageResponse inspect = docker.inspectImageCmd(image.toString()).exec();
        String comment = inspect.getComment();
        if (comment == null || comment.isBlank() || top.comment() == null || !top.comment().startsWith("FROM ")) {
            return layers;
        }
        List<String> tags = !top.tags().isEmpty() || inspect.getRepoTags() == null ? top.tags()
                : inspect.getRepoTags().stream().map(ImageNames::familiar).toList();
        List<Layer> out = new java.util.ArrayList<>(layers);
        out.set(0, new Layer(top.id(), top.created(), top.createdBy(), top.size(), comment, tags));
        return List.copyOf(out);
    }

    /** @return Docker's form {@code sha256:<hex>} (Podman reports the bare hex), {@code <missing>} as is */
    private static String layerId(String id) {
        return id != null && id.matches("[0-9a-f]{64}") ? "sha256:" + id : id;
    }

    private boolean exists(String ref) {
        try {
            docker.inspectImageCmd(ref).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
