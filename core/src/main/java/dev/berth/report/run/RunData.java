package dev.berth.report.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.PhaseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run as recorded so far; every method is synchronized (calls are rare and short). */
public final class RunData {
    static final String NO_CLASS = "(outside any test class)";
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final Map<String, ClassRun> classes = new LinkedHashMap<>();
    private final Map<String, String> classOfContainer = new LinkedHashMap<>();
    private final List<String> open = new ArrayList<>();

    /** One class: its window, containers (by name, phases in order) and tests. */
    static final class ClassRun {
        Instant start;
        Instant end;
        final Map<String, List<PhaseEvent>> containers = new LinkedHashMap<>();
        final List<ObjectNode> tests = new ArrayList<>();
    }

    /**
     * @param name the class
     * @param at when it began
     */
    public synchronized void classStarted(String name, Instant at) {
        classes.computeIfAbsent(name, k -> new ClassRun()).start = at;
        open.add(name);
        current.set(name);
    }

    /**
     * @param name the class
     * @param at when it ended
     */
    public synchronized void classFinished(String name, Instant at) {
        classes.computeIfAbsent(name, k -> new ClassRun()).end = at;
        open.remove(name);
        if (name.equals(current.get())) {
            current.remove();
        }
    }

    /** @param event a phase to draw under the class that owns its container */
    public synchronized void phase(PhaseEvent event) {
        String owner = classOfContainer.get(event.containerName());
        if (owner == null) {
            owner = current.get() != null ? current.get() : open.isEmpty() ? NO_CLASS : open.get(open.size() - 1);
            classOfContainer.put(event.containerName(), owner);
        }
        classes.computeIfAbsent(owner, k -> new ClassRun()).containers
                .computeIfAbsent(event.containerName(), k -> new ArrayList<>()).add(event);
    }

    /**
     * Records one test.
     *
     * @param cls its class
     * @param name its display name
     * @param start when it began
     * @param end when it ended
     * @param failed whether it failed
     */
    public synchronized void test(String cls, String name, Instant start, Instant end, boolean failed) {
        ObjectNode t = new ObjectMapper().createObjectNode();
        t.put("name", name).put("start", start.toEpochMilli()).put("end", end.toEpochMilli()).put("failed", failed);
        classes.computeIfAbsent(cls, k -> new ClassRun()).tests.add(t);
    }

    /** @return the images every container used, in first-use order */
    public synchronized List<String> images() {
        List<String> out = new ArrayList<>();
        classes.values().forEach(c -> c.containers.values().forEach(events -> events.forEach(e -> {
            if (!out.contains(e.image())) {
                out.add(e.image());
            }
        })));
        return out;
    }

    /**
     * @param mapper for the nodes
     * @return the classes as the data file's {@code classes} array
     */
    public synchronized ArrayNode toJson(ObjectMapper mapper) {
        ArrayNode out = mapper.createArrayNode();
        classes.forEach((name, run) -> {
            ObjectNode c = out.addObject().put("name", name);
            if (run.start != null) {
                c.put("start", run.start.toEpochMilli());
            }
            if (run.end != null) {
                c.put("end", run.end.toEpochMilli());
            }
            ArrayNode containers = c.putArray("containers");
            run.containers.forEach((container, events) -> {
                ObjectNode n = containers.addObject().put("name", container).put("image", events.get(0).image());
                ArrayNode phases = n.putArray("phases");
                for (PhaseEvent e : events) {
                    phases.addObject().put("phase", e.phase().name().toLowerCase(java.util.Locale.ROOT))
                            .put("start", e.start().toEpochMilli()).put("end", e.end().toEpochMilli())
                            .put("failed", e.failed());
                }
            });
            ArrayNode tests = c.putArray("tests");
            run.tests.forEach(t -> tests.add(t.deepCopy()));
        });
        return out;
    }
}
