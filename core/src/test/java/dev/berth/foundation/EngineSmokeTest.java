package dev.berth.foundation;

import dev.berth.Internals;
import dev.berth.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import dev.berth.Berth;
import dev.berth.ContainerSpec;
import dev.berth.Engine;
import dev.berth.RunningContainer;
import dev.berth.session.Session;
import org.junit.jupiter.api.Test;

/** The foundation: docker-java (zerodep) over the real socket reads info, runs busybox, removes it. */
class EngineSmokeTest {

    @Test
    void readsInfoRunsBusyboxAndRemovesIt() {
        try (Engine engine = Berth.connect()) {
            Info info = engine.docker().infoCmd().exec();
            assertThat(info.getServerVersion()).isNotBlank();
            assertThat(info.getDriver()).isNotBlank();

            String id;
            try (RunningContainer c = engine.start(ContainerSpec.of(Fixtures.BUSYBOX)
                    .withCommand("sleep", "30"))) {
                id = c.id();
                InspectContainerResponse inspect = engine.docker().inspectContainerCmd(id).exec();
                assertThat(inspect.getState().getRunning()).isTrue();
                assertThat(inspect.getConfig().getLabels())
                        .containsEntry(Session.LABEL_SESSION, Internals.ledger(engine).id())
                        .containsEntry(Session.LABEL_PID, Long.toString(ProcessHandle.current().pid()))
                        .containsKeys(Session.LABEL_HOST, Session.LABEL_CREATED);
            }
            assertThatThrownBy(() -> engine.docker().inspectContainerCmd(id).exec())
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
