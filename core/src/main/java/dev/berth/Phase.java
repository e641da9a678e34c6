package dev.berth;

/** A step in a container's life that Berth times for the run report, in the order they happen. */
public enum Phase {
    /** The image was made available: found locally, pulled or loaded from an archive. */
    IMAGE,
    /** The container was created. */
    CREATE,
    /** Files were copied in, networks joined and the container started. */
    START,
    /** The wait strategy ran until the container was ready. */
    WAIT,
    /** A snapshot of the container was committed (and its volumes captured). */
    SNAPSHOT,
    /** The container was stopped and removed. */
    REMOVE
}
