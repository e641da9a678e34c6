package dev.berth;

/** Leaks a docker-java and an internal type through a public signature on purpose: {@code ArchitectureTest} reports it. */
public final class BadApiLeak {
    private BadApiLeak() {
    }

    /** @return a docker-java type in an API signature */
    public com.github.dockerjava.api.model.Container container() {
        return null;
    }

    /** @return an internal type in an API signature */
    public dev.berth.session.Session session() {
        return null;
    }
}
