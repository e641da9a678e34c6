package dev.berth.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.ImageRef;
import dev.berth.RunReport;
import dev.berth.report.ReportWriter;
import dev.berth.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the run's data file and page, on a daemon thread, giving up after a bound. */
public final class RunReportFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RunReportFiles.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReportFiles() {
    }

    /**
     * See {@link RunReport#write}.
     *
     * @param data the run
     * @param dir the report directory
     * @param engine the engine to describe, or empty
     * @param bound the most time writing may take
     * @return the page, or empty when it was not written in time
     */
    public static Optional<Path> write(RunData data, Path dir, Optional<Engine> engine, Duration bound) {
        CompletableFuture<Path> job = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                job.complete(writeNow(data, dir, engine));
            } catch (Throwable e) {
                job.completeExceptionally(e);
            }
        }, "berth-run-report");
        t.setDaemon(true);
        t.start();
        try {
            return Optional.of(job.get(bound.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.warn("The Berth run report was not written within {} ms; skipped", bound.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("Could not write the Berth run report to {}: {}", dir.toAbsolutePath(), e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Path writeNow(RunData data, Path dir, Optional<Engine> engine) throws IOException {
        ObjectNode root = MAPPER.createObjectNode().put("version", 1);
        engine.ifPresent(e -> root.put("engine", e.info().summary()).put("endpoint", e.endpoint().dockerHost()));
        ArrayNode classes = data.toJson(MAPPER);
        for (JsonNode c : classes) {
            Path classDir = dir.resolve(ReportWriter.safeName(c.path("name").asText()));
            for (JsonNode t : c.path("tests")) {
                ArrayNode links = ((ObjectNode) t).putArray("reports");
                String stem = ReportWriter.safeName(t.path("name").asText());
                for (String ext : new String[] {".md", ".json"}) {
                    if (Files.isRegularFile(classDir.resolve(stem + ext))) {
                        links.add(classDir.getFileName() + "/" + stem + ext);
                    }
                }
            }
        }
        root.set("classes", classes);
        ArrayNode images = root.putArray("images");
        if (engine.isPresent()) {
            for (String image : data.images()) {
                ObjectNode i = images.addObject().put("ref", image);
                ArrayNode layers = i.putArray("layers");
                try {
                    for (Layer l : engine.get().history(ImageRef.parse(image))) {
                        layers.addObject().put("createdBy", l.createdBy()).put("size", l.size())
                                .put("created", l.created() == null ? "" : l.created().toString());
                    }
                } catch (RuntimeException e) {
                    i.put("error", e.getMessage());
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunReport.DATA_FILE), MAPPER.writeValueAsString(root), StandardCharsets.UTF_8);
        Path page = dir.resolve(RunReport.PAGE_FILE);
        Files.writeString(page, new HtmlPage(root).render(), StandardCharsets.UTF_8);
        return page;
    }

    /**
     * See {@link RunReport#render}.
     *
     * @param dir a report directory holding the data file
     * @return the page written
     */
    public static Path render(Path dir) {
        Path file = dir.resolve(RunReport.DATA_FILE);
        try {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Path page = dir.resolve(RunReport.PAGE_FILE);
            Files.writeString(page, new HtmlPage(root).render(), StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "" : ": " + e.getMessage();
            throw new BerthException("No run report data at " + file.toAbsolutePath() + why + ". Run a suite with the Berth extension first; it writes " + RunReport.DATA_FILE
                    + " into target/berth-reports.", e);
        }
    }
}
