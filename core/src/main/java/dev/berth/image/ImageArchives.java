package dev.berth.image;

import dev.berth.engine.EngineErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.BerthException;
import dev.berth.ImageRef;
import dev.berth.InvalidSpecException;
import dev.berth.engine.EngineKind;
import dev.berth.engine.ImageLists;
import dev.berth.session.Session;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Streams archives into the engine: {@code docker load} and {@code docker import}. */
final class ImageArchives {
    private static final Logger LOG = LoggerFactory.getLogger(ImageArchives.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 64 * 1024;
    private static final Set<String> CHANGES = Set.of("CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "ONBUILD",
            "USER", "VOLUME", "WORKDIR");

    private final DockerClient docker;
    private final Session session;
    private final Supplier<EngineKind> kind;

    ImageArchives(DockerClient docker, Session session, Supplier<EngineKind> kind) {
        this.docker = docker;
        this.session = session;
        this.kind = kind;
    }

    List<String> load(Path archive) {
        requireFile(archive, "load images from");
        Map<String, String> before = tagsToIds();
        List<String> loaded = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ProgressLog progress = new ProgressLog("Loading", archive.getFileName().toString(), LOG::info,
                System::currentTimeMillis, 1000);
        try (InputStream in = tarStream(archive, "load images from");
             StreamCallback<LoadResponseItem> callback = new StreamCallback<>(item -> {
                progress.onItem(item);
                String stream = item.getStream();
                if (stream != null) {
                    for (String line : stream.split("\n")) {
                        if (line.startsWith("Loaded image: ")) {
                            loaded.add(line.substring("Loaded image: ".length()).trim());
                        } else if (line.startsWith("Loaded image ID: ")) {
                            loaded.add(line.substring("Loaded image ID: ".length()).trim());
                        }
                    }
                }
            })) {
            String error = docker.loadImageAsyncCmd(in).exec(callback).await();
            if (error != null) {
                errors.add(error);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("Loading images from " + archive + " was interrupted.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof BerthException be) {
                throw be;
            }
            errors.add(EngineErrors.message(e));
        }
        if (!errors.isEmpty()) {
            throw new BerthException("Cannot load images from " + archive + ": the engine rejected it: "
                    + String.join("; ", errors) + ". Pass an archive written by docker save.");
        }
        progress.done();
        // the session records the names the engine gave; the caller gets them as it named them when saving
        own(List.copyOf(loaded), before);
        boolean podman = loaded.stream().anyMatch(n -> n.startsWith(ImageNames.PODMAN_LOCAL)) && kind.get().podman();
        return loaded.stream().map(n -> podman ? ImageNames.familiarOnPodman(n) : ImageNames.familiar(n)).toList();
    }

    /** @return every tag the engine holds, with its image id, and each id under itself */
    private Map<String, String> tagsToIds() {
        Map<String, String> out = new HashMap<>();
        for (Image i : ImageLists.list(docker.listImagesCmd().withShowAll(true))) {
            out.put(i.getId(), i.getId());
            for (String tag : i.getRepoTags() == null ? new String[0] : i.getRepoTags()) {
                out.put(tag, i.getId());
            }
        }
        return out;
    }

    /**
     * Records in the session what the load added: an image the engine did not hold is removed at close
     * (by id, unless it carries {@code dev.berth.keep}); a new tag on an image it held is untagged at
     * close; a tag that already named the same image is left alone, as is the image.
     */
    private void own(List<String> loaded, Map<String, String> before) {
        for (String ref : loaded) {
            String id;
            try {
                id = docker.inspectImageCmd(ref).exec().getId();
            } catch (NotFoundException gone) {
                continue;
            }
            if (id.equals(before.get(ref))) {
                continue;
            }
            if (before.containsKey(id)) {
                session.record(Session.Kind.IMAGE, ref, ref);
                LOG.debug("Loaded tag {} on image {} that was already present: the tag goes at close", ref, id);
            } else {
                session.record(Session.Kind.IMAGE, id, ref);
                LOG.debug("Loaded {} ({}), not present before: removed at close unless kept", ref, id);
            }
        }
    }

    ImageRef importRootfs(Path rootfsTar, ImageRef target, List<String> changes) {
        List<String> all = new ArrayList<>();
        for (String change : changes) {
            String keyword = change.trim().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (!CHANGES.contains(keyword) || change.trim().equals(keyword)) {
                throw new InvalidSpecException("import change", change,
                        "a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR",
                        "CMD [\"sh\"]");
            }
            all.add(change.trim());
        }
        session.labels().forEach((k, v) -> all.add("LABEL \"" + k + "\"=\"" + v.replace("\"", "\\\"") + "\""));
        requireFile(rootfsTar, "import a root filesystem from");
        if (!(docker instanceof DockerClientImpl impl)) {
            throw new IllegalStateException("importRootfs needs a DockerClientImpl");
        }
        StringBuilder path = new StringBuilder("/images/create?fromSrc=-&repo=").append(enc(target.name()))
                .append("&tag=").append(enc(target.tag().orElse("latest")));
        all.forEach(c -> path.append("&changes=").append(enc(c)));
        String id = null;
        String error = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(rootfsTar), BUFFER);
             DockerHttpClient.Response response = impl.getHttpClient().execute(DockerHttpClient.Request.builder()
                     .method(DockerHttpClient.Request.Method.POST).path(path.toString())
                     .putHeader("Content-Type", "application/x-tar").body(in).build());
             BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(),
                     StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode msg = readJson(line);
                if (msg.hasNonNull("error")) {
                    error = msg.get("error").asText();
                } else if (msg.hasNonNull("message")) {
                    error = msg.get("message").asText();
                } else if (msg.path("status").asText("").startsWith("sha256:")) {
                    id = msg.get("status").asText().trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            error = EngineErrors.message(e);
        }
        if (error != null || id == null) {
            throw new BerthException("Cannot import " + rootfsTar + " as " + target + ": the engine rejected it: "
                    + (error == null ? "no image id in its answer" : error.trim())
                    + ". Pass a tar of a root filesystem (e.g. from mmdebstrap or docker export).");
        }
        session.record(Session.Kind.IMAGE, id, target.toString());
        LOG.info("Imported {} as {} ({})", rootfsTar, target, id);
        return target;
    }

    private static JsonNode readJson(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", line);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new BerthException("Cannot " + what + " " + file + ": "
                    + (Files.isDirectory(file) ? "it is a directory" : "the file does not exist")
                    + ". Pass the path of a tar archive (.tar or .tar.gz).");
        }
    }

    /** Opens the file as an uncompressed tar stream, checking the tar header before anything is sent. */
    private static InputStream tarStream(Path archive, String what) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(archive), BUFFER);
        BufferedInputStream tar = raw;
        try {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                tar = new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
            }
            tar.mark(512);
            byte[] header = tar.readNBytes(512);
            tar.reset();
            String magic = header.length == 512 ? new String(header, 257, 5, StandardCharsets.US_ASCII) : "";
            if (!magic.equals("ustar")) {
                throw new BerthException("Cannot " + what + " " + archive + ": it is not a tar archive"
                        + (tar == raw ? "" : " inside gzip") + ". Pass an archive written by docker save"
                        + " (.tar, or .tar.gz).");
            }
            return tar;
        } catch (IOException | RuntimeException e) {
            tar.close();
            if (e instanceof java.util.zip.ZipException) {
                throw new BerthException("Cannot " + what + " " + archive + ": it is not valid gzip ("
                        + e.getMessage() + "). Pass an archive written by docker save (.tar, or .tar.gz).");
            }
            throw e;
        }
    }
}
