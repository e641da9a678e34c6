package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.InvalidSpecException;
import org.junit.jupiter.api.Test;

class EnginePlacementTest {
    private static final String LOCAL = "unix:///var/run/docker.sock";
    private static final String TLS = "tcp://127.0.0.1:2376";

    @Test
    void classesSpreadByLoadAndStayOnTheirEngine() {
        EnginePlacement pool = EnginePlacement.of(LOCAL + ", " + TLS);
        assertThat(pool.place("A")).isEqualTo(LOCAL);
        assertThat(pool.place("B")).isEqualTo(TLS);
        assertThat(pool.place("C")).isEqualTo(LOCAL);
        assertThat(pool.place("A")).isEqualTo(LOCAL);
        pool.release("B");
        assertThat(pool.place("D")).isEqualTo(TLS);
    }

    @Test
    void aLostEngineTakesNoNewClassAndItsClassesLearnWhy() {
        EnginePlacement pool = EnginePlacement.of(LOCAL + "," + TLS);
        pool.place("A");
        pool.place("B");
        pool.markLost(TLS, "Connection refused");
        assertThat(pool.lostReason("A")).isEmpty();
        assertThat(pool.lostReason("B")).contains("The engine " + TLS + " that B was placed on is lost: "
                + "Connection refused");
        assertThat(pool.place("C")).isEqualTo(LOCAL);
        assertThat(pool.placed("C")).contains(LOCAL);
        assertThat(pool.placed("E")).isEmpty();
        assertThat(pool.lost(TLS)).contains("Connection refused");
        assertThat(pool.lost(LOCAL)).isEmpty();
        pool.markLost(LOCAL, "gone");
        assertThatThrownBy(() -> pool.place("D")).isInstanceOf(IllegalStateException.class)
                .hasMessage("No engine of the pool is left for D: {" + TLS + "=Connection refused, " + LOCAL + "=gone}");
    }

    @Test
    void badPoolsAreRefusedWithTheFormat() {
        assertThatThrownBy(() -> EnginePlacement.of("ssh://host")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid docker hosts: \"ssh://host\". Allowed: distinct unix:///path or tcp://host:port "
                        + "endpoints, separated by commas, none empty. Example: "
                        + "unix:///var/run/docker.sock,tcp://127.0.0.1:2376.");
        assertThatThrownBy(() -> EnginePlacement.of(LOCAL + "," + LOCAL)).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("Invalid docker hosts: \"" + LOCAL + "," + LOCAL + "\". Allowed: distinct");
        assertThatThrownBy(() -> EnginePlacement.of(LOCAL + ",," + TLS)).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("Invalid docker hosts: \"" + LOCAL + ",," + TLS + "\". Allowed: distinct");
        assertThatThrownBy(() -> EnginePlacement.of(LOCAL + ",")).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("Invalid docker hosts: \"" + LOCAL + ",\". Allowed: distinct");
        assertThatThrownBy(() -> EnginePlacement.of("tcp://host:2376/path")).isInstanceOf(InvalidSpecException.class);
        assertThat(EnginePlacement.of(" " + LOCAL + " , " + TLS + " ").hosts()).containsExactly(LOCAL, TLS);
        assertThatThrownBy(() -> EnginePlacement.of(" , ")).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("Invalid docker hosts: \" , \". Allowed: at least one");
    }
}
