package dev.berth.snapshot;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.ContainerSpec;
import dev.berth.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The faster way back: the snapshot layer keeps each volume's content under {@link #ROOT}, and the
 * restored container mounts a tmpfs over the volume path and starts through a one-line shell step
 * that copies the content in and then execs the original entrypoint and command. Copying in memory
 * inside the container beats the engine's copy into a fresh anonymous volume by about half (see
 * docs/snapshots.md). It needs {@code sh} and {@code cp} in the image and a container running as root;
 * otherwise the snapshot falls back to the anonymous-volume layout.
 */
final class TmpfsRestore {
    /** Where the snapshot layer keeps the volume content for a tmpfs restore. */
    static final String ROOT = "/.berth-volumes";
    private static final Set<String> ROOT_USERS = Set.of("", "root", "0", "root:root", "0:0");

    private TmpfsRestore() {
    }

    /** @return true when the running container can restore into a tmpfs */
    static boolean possible(DockerClient docker, InspectContainerResponse state) {
        String user = state.getConfig().getUser() == null ? "" : state.getConfig().getUser();
        if (!ROOT_USERS.contains(user) || effectiveCommand(state).isEmpty()) {
            return false;
        }
        try {
            return Exec.run(docker, state.getId(), List.of("sh", "-c", "command -v cp >/dev/null")).exitCode() == 0;
        } catch (RuntimeException noShell) {
            return false;
        }
    }

    /** @return the container's entrypoint followed by its command, as the engine runs them */
    static List<String> effectiveCommand(InspectContainerResponse state) {
        List<String> all = new ArrayList<>();
        if (state.getConfig().getEntrypoint() != null) {
            all.addAll(List.of(state.getConfig().getEntrypoint()));
        }
        if (state.getConfig().getCmd() != null) {
            all.addAll(List.of(state.getConfig().getCmd()));
        }
        return all;
    }

    /** @return the source spec on the snapshot image, with a tmpfs per volume and the copy-in step */
    static ContainerSpec spec(ContainerSpec source, ImageRef image, List<String> paths, List<String> command) {
        StringBuilder script = new StringBuilder();
        ContainerSpec spec = source.withImage(image);
        dev.berth.Security security = spec.security();
        for (String path : paths) {
            script.append("cp -a ").append(quote(ROOT + path + "/.")).append(' ').append(quote(path + "/"))
                    .append(" && ");
            security = security.withTmpfs(path, "");
        }
        spec = spec.withSecurity(security);
        script.append("exec \"$@\"");
        return spec.withEntrypoint("/bin/sh", "-c", script.toString(), "berth-restore")
                .withCommand(command.toArray(String[]::new));
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
