package dev.berth.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ListImagesCmd;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.model.Image;
import java.util.List;
import java.util.function.Supplier;

/**
 * Image lists that survive Podman's image-store race. Podman 4.3 builds {@code GET /images/json} by reading every
 * image in its store; when another client commits, loads or removes an image during that walk, the whole list
 * fails with 500 and a "not known" cause ({@code image not known}, {@code size is not known}, {@code layer not
 * known}) for the image that changed. Measured here: 9 of 1,116 lists failed while a second client committed,
 * loaded and removed images (docs/engines.md). Docker never answers a list that way. The list is asked again, a
 * few times with a short pause (20, 40, 80, 160 ms); any other failure, the last one, and one whose pause is
 * interrupted are thrown as they came.
 */
public final class ImageLists {
    /** How many times a list is asked in all. */
    static final int ATTEMPTS = 5;
    private static final long FIRST_PAUSE_MS = 20;

    private ImageLists() {
    }

    /**
     * @param cmd a prepared list command (it can be sent more than once)
     * @return the engine's images
     */
    public static List<Image> list(ListImagesCmd cmd) {
        return retrying(cmd::exec, Thread::sleep);
    }

    /**
     * The list as the engine's JSON ({@link EngineJson}), asked again as {@link #list} is.
     *
     * @param docker the engine client
     * @param query the query, e.g. {@code filters=…}
     * @param viaModels the same list through docker-java's models, for another client
     * @return the engine's images, an array
     */
    public static JsonNode listAsTree(DockerClient docker, String query, Supplier<?> viaModels) {
        return retrying(() -> EngineJson.get(docker, "/images/json?" + query, viaModels), Thread::sleep);
    }

    /**
     * @param call the list call
     * @param pause sleeps the given number of milliseconds between attempts
     * @return what the call returned on its first attempt that did not hit the race
     */
    static <T> T retrying(Supplier<T> call, Pause pause) {
        long wait = FIRST_PAUSE_MS;
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (InternalServerErrorException e) {
                if (attempt == ATTEMPTS || !storeRace(e)) {
                    throw e;
                }
                try {
                    pause.sleep(wait);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
            wait *= 2;
        }
    }

    /**
     * @param e a 500 from the engine
     * @return whether it is Podman's "an image changed while I listed" answer
     */
    static boolean storeRace(InternalServerErrorException e) {
        String message = EngineErrors.message(e);
        return message.endsWith("not known") || message.contains("you may need to remove the image to resolve the error");
    }

    /** Sleeps between attempts (a seam for tests). */
    @FunctionalInterface
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }
}
