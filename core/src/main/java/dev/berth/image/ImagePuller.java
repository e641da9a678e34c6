package dev.berth.image;

import dev.berth.engine.EngineErrors;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.berth.ImageRef;
import dev.berth.engine.CallDeadline;
import dev.berth.engine.DockerConfigDir;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one image, with credentials from config.json and throttled per-layer progress logging. Within a
 * {@link CallDeadline} (a container's start) the pull is abandoned when the budget runs out; otherwise it
 * is bounded by the engine's long-call timeout.
 */
final class ImagePuller {
    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    private static final long PROGRESS_INTERVAL_MILLIS = 1000;

    private final DockerClient docker;
    private final DockerConfigDir config;

    ImagePuller(DockerClient docker, DockerConfigDir config) {
        this.docker = docker;
        this.config = config;
    }

    /**
     * @param ref what to pull
     * @throws PullFailedException with the engine's message when the pull fails
     */
    void pull(ImageRef ref) {
        String registry = ref.registry().orElse("docker.io");
        Optional<AuthConfig> auth;
        try {
            auth = RegistryAuth.forRegistry(config, registry);
        } catch (IllegalStateException e) {
            throw new PullFailedException(e.getMessage() + " (in " + config.path().resolve("config.json")
                    + "); fix it with docker login " + registry);
        } catch (CredentialHelper.CredentialsUnavailableException e) {
            throw new PullFailedException(e.getMessage());
        }
        PullImageCmd cmd = docker.pullImageCmd(ref.name()).withTag(ref.digest().orElseGet(() -> ref.tag().orElseThrow()));
        auth.ifPresent(cmd::withAuthConfig);
        ProgressLog progress = new ProgressLog("Pulling", ref.toString(), LOG::info, System::currentTimeMillis,
                PROGRESS_INTERVAL_MILLIS);
        LOG.info("Pulling {}{}", ref, auth.isPresent() ? " as " + auth.get().getUsername() : "");
        String error;
        StreamCallback<PullResponseItem> callback = new StreamCallback<>(progress::onItem);
        try {
            cmd.exec(callback);
            Optional<Duration> budget = CallDeadline.remaining();
            if (budget.isPresent() && !callback.awaitEnd(budget.get())) {
                callback.close();
                throw new PullFailedException("the pull did not finish within "
                        + CallDeadline.describe().orElse("its budget") + "; it was abandoned");
            }
            error = callback.await();
        } catch (InterruptedException e) {
            callback.close();
            Thread.currentThread().interrupt();
            throw new PullFailedException("interrupted");
        } catch (RuntimeException e) {
            error = EngineErrors.message(e);
        }
        if (error != null) {
            throw new PullFailedException(error);
        }
        progress.done();
    }

    /** A pull failed; the message is the engine's. */
    static final class PullFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PullFailedException(String message) {
            super(message);
        }
    }
}
