package dev.berth.compose;

import dev.berth.BerthException;
import dev.berth.Engine;
import dev.berth.InvalidSpecException;
import dev.berth.Network;
import dev.berth.RunningContainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A started compose project: each active service's container by name, and its networks. Closing it
 * removes everything it created — containers (newest first, each taking its project volumes once no
 * other container uses them), then networks — and is harmless when repeated.
 */
public final class RunningCompose implements AutoCloseable {
    private final Engine engine;
    private final ComposeModel model;
    private final Map<String, RunningContainer> services;
    private final Map<String, Network> networks;

    RunningCompose(Engine engine, ComposeModel model, Map<String, RunningContainer> services,
                   Map<String, Network> networks) {
        this.engine = engine;
        this.model = model;
        this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        this.networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
    }

    /** @return what was read from the file */
    public ComposeModel model() {
        return model;
    }

    /**
     * @param service a service name
     * @return its running container, with {@code host()} and {@code mappedPort(…)}
     * @throws InvalidSpecException if the file has no such service, or it did not start (inactive profile)
     */
    public RunningContainer service(String service) {
        RunningContainer c = services.get(service);
        if (c != null) {
            return c;
        }
        List<String> profiles = model.service(service).profiles();
        throw new InvalidSpecException("compose service", service, "a started service: " + service
                + " belongs to the profiles " + profiles + ", none of them active",
                "ComposeProject.withProfiles(\"" + profiles.get(0) + "\")");
    }

    /** @return the started services' containers by service name, in file order */
    public Map<String, RunningContainer> services() {
        return services;
    }

    /** @return the networks created for the project, by compose name (e.g. {@code default}, {@code backend}) */
    public Map<String, Network> networks() {
        return networks;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(services.values());
        Collections.reverse(all);
        all.addAll(networks.values());
        BerthException failure = new BerthException("Closing compose project " + model.name() + " failed");
        closeAll(all, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    static void closeAll(List<? extends AutoCloseable> resources, Exception failure) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "RunningCompose[" + model.name() + " " + services.keySet() + "]";
    }
}
