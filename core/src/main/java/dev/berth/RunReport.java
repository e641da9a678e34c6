package dev.berth;

import dev.berth.report.run.RunData;
import dev.berth.report.run.RunReportFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Records a test run as it happens — each container's timed phases, each test class's window and each
 * test's outcome — and writes it as {@code berth-run.json} plus a self-contained {@code index.html}
 * (inline CSS, JS and SVG; no external assets): a timeline per class, failures linked to their
 * Markdown/JSON reports, engine info, image layer history and totals. Thread-safe.
 *
 * <p>Register it with {@link Engine#addPhaseListener(PhaseListener)}; a test framework adapter calls
 * {@link #classStarted}, {@link #testFinished} and {@link #classFinished}; at the end of the run
 * {@link #write(Path, Optional, Duration)} writes the files within a time bound.
 */
public final class RunReport implements PhaseListener {
    /** The data file's name, read back by {@link #render(Path)}. */
    public static final String DATA_FILE = "berth-run.json";
    /** The page's name. */
    public static final String PAGE_FILE = "index.html";

    private final RunData data = new RunData();

    @Override
    public void phaseEnded(PhaseEvent event) {
        data.phase(event);
    }

    /**
     * A test class begins: phases recorded on this thread (and, failing that, while it is the newest open
     * class) are drawn under it.
     *
     * @param testClass the class name
     */
    public void classStarted(String testClass) {
        data.classStarted(testClass, Instant.now());
    }

    /** @param testClass a class passed to {@link #classStarted} whose tests and teardown are done */
    public void classFinished(String testClass) {
        data.classFinished(testClass, Instant.now());
    }

    /**
     * @param testClass the class name
     * @param test the test's display name, e.g. {@code savesOrder()}
     * @param start when it began
     * @param end when it ended
     * @param failed whether it failed (a failure report, if one was written, is linked by name)
     */
    public void testFinished(String testClass, String test, Instant start, Instant end, boolean failed) {
        data.test(testClass, test, start, end, failed);
    }

    /**
     * Writes {@code berth-run.json} and {@code index.html} into the directory, asking the engine (when given)
     * for its info and each image's layer history. Gives up after the bound, writing what it has.
     *
     * @param dir the report directory (failure reports are linked relative to it)
     * @param engine the engine to describe, or empty
     * @param bound the most time writing may take
     * @return the page, or empty when it could not be written within the bound (a warning is logged)
     */
    public Optional<Path> write(Path dir, Optional<Engine> engine, Duration bound) {
        return RunReportFiles.write(data, dir, engine, bound);
    }

    /**
     * Builds {@code index.html} from the {@code berth-run.json} a run left in the directory.
     *
     * @param dir a report directory holding {@code berth-run.json}
     * @return the page written
     * @throws BerthException if there is no readable data file, naming it
     */
    public static Path render(Path dir) {
        return RunReportFiles.render(dir);
    }
}
