package dev.berth.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.Mount;
import dev.berth.session.Session;

/**
 * Berth's own ({@link Mount.Ownership#SCOPED}) volumes: their per-session engine name, and their removal
 * with the last container of the session that uses them.
 */
final class ScopedVolumes {
    private ScopedVolumes() {
    }

    /** @return the engine name of a volume mount: per session for Berth's own, else as declared */
    static String engineName(Session session, Mount m) {
        return m.ownership() == Mount.Ownership.SCOPED
                ? "berth-" + m.source() + "-" + session.id().substring(0, 8) : m.source();
    }

    /**
     * After a container is gone: removes each of its scoped volumes that no other container uses (the
     * engine refuses to remove one in use; the session's close removes it then).
     */
    static void release(DockerClient docker, Session session, ContainerSpec spec) {
        for (Mount m : spec.mounts()) {
            if (!m.volume() || m.ownership() != Mount.Ownership.SCOPED) {
                continue;
            }
            String name = engineName(session, m);
            try {
                docker.removeVolumeCmd(name).exec();
                session.forget(Session.Kind.VOLUME, name);
            } catch (NotFoundException gone) {
                session.forget(Session.Kind.VOLUME, name);
            } catch (ConflictException inUse) {
                // another container of this session still mounts it
            }
        }
    }
}
