package dev.berth.compose;

/** A {@code depends_on} condition: when a dependency counts as ready for the service that names it. */
public enum DependsOn {
    /** {@code service_started} (and the short list form): as soon as it runs. */
    SERVICE_STARTED,
    /** {@code service_healthy}: once its healthcheck reports healthy. */
    SERVICE_HEALTHY,
    /** {@code service_completed_successfully}: once it exited with code 0. */
    SERVICE_COMPLETED_SUCCESSFULLY;

    /** @return the compose spelling, e.g. {@code service_healthy} */
    public String composeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
