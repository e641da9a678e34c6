package dev.berth;

import static dev.berth.Fixtures.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Containers started ahead of need, against the real engine: handed over once each, removed when unclaimed. */
class PreparedStartsTest extends EngineTestSupport {
    private static final ContainerSpec SLEEPER = ContainerSpec.of(BUSYBOX).withName("ahead").withCommand("sleep", "600");

    private static boolean exists(String id) {
        try {
            engine.docker().inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Test
    void aPreparedContainerIsHandedOverOnceToAnEqualSpecAndTheUnclaimedOneIsRemovedOnClose() {
        String session = engine.session().id();
        try (PreparedStarts ahead = new PreparedStarts(engine, 1)) {
            assertThat(ahead.claim(SLEEPER, Map.of())).as("nothing prepared yet").isEmpty();
            ahead.prepare(SLEEPER, Map.of());
            ahead.prepare(SLEEPER, Map.of()); // tops up to the depth: still one
            assertThat(ahead.claim(SLEEPER.withEnv("OTHER", "1"), Map.of())).as("a different spec").isEmpty();
            RunningContainer first = ahead.claim(SLEEPER, Map.of()).orElseThrow();
            try (first) {
                assertThat(first.spec()).isEqualTo(SLEEPER);
                assertThat(exists(first.id())).isTrue();
                assertThat(ahead.claim(SLEEPER, Map.of())).as("handed over once").isEmpty();
                ahead.prepare(SLEEPER, Map.of());
                RunningContainer second = ahead.claim(SLEEPER, Map.of()).orElseThrow();
                try (second) {
                    assertThat(second.id()).isNotEqualTo(first.id());
                }
                ahead.prepare(SLEEPER, Map.of());
                assertThat(ahead.preparedCount()).isEqualTo(3);
                assertThat(ahead.claimedCount()).isEqualTo(2);
            }
            // the third is still starting or waiting, unclaimed
        }
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SessionInfo.LABEL, session)).exec()).as("left by this session").isEmpty();
    }

    @Test
    void concurrentClaimsEachGetTheirOwn() {
        try (PreparedStarts ahead = new PreparedStarts(engine, 4)) {
            ahead.prepare(SLEEPER, Map.of());
            List<CompletableFuture<Optional<RunningContainer>>> claims = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                claims.add(CompletableFuture.supplyAsync(() -> ahead.claim(SLEEPER, Map.of())));
            }
            List<RunningContainer> got = new ArrayList<>();
            claims.forEach(c -> c.join().ifPresent(got::add));
            try {
                assertThat(got).hasSize(4).extracting(RunningContainer::id).doesNotHaveDuplicates();
            } finally {
                got.forEach(RunningContainer::close);
            }
        }
    }

    @Test
    void closingAfterwardsPreparesNothing() {
        PreparedStarts ahead = new PreparedStarts(engine, 1);
        ahead.close();
        ahead.prepare(SLEEPER, Map.of());
        assertThat(ahead.preparedCount()).isZero();
        assertThat(ahead.claim(SLEEPER, Map.of())).isEmpty();
    }

    @Test
    void fixedPortsVolumesAndAliasesAreNeverPrepared() {
        assertThat(PreparedStarts.canPrepare(SLEEPER)).isTrue();
        assertThat(PreparedStarts.canPrepare(SLEEPER.withExposedPorts(80))).isTrue();
        assertThat(PreparedStarts.canPrepare(SLEEPER.withFixedPort(80, 18080))).isFalse();
        assertThat(PreparedStarts.canPrepare(SLEEPER.withMount(Mount.volume("data", "/data")))).isFalse();
        assertThat(PreparedStarts.canPrepare(SLEEPER.withNetwork("backend"))).isTrue();
        assertThat(PreparedStarts.canPrepare(SLEEPER.withNetwork("backend", "db"))).as("an alias").isFalse();
        try (PreparedStarts ahead = new PreparedStarts(engine, 1)) {
            ahead.prepare(SLEEPER.withFixedPort(80, 18080), Map.of());
            assertThat(ahead.preparedCount()).isZero();
        }
    }

    @Test
    void noMoreAreKeptWaitingThanTheClaimsStillToCome() {
        String session = engine.session().id();
        try (PreparedStarts ahead = new PreparedStarts(engine, 4)) {
            ahead.prepare(SLEEPER, Map.of(), 2);
            assertThat(ahead.preparedCount()).as("two claims to come, under a depth of four").isEqualTo(2);
            RunningContainer first = ahead.claim(SLEEPER, Map.of()).orElseThrow();
            try (first) {
                ahead.prepare(SLEEPER, Map.of(), 1); // one still waits: enough for the one claim left
                assertThat(ahead.preparedCount()).isEqualTo(2);
                RunningContainer second = ahead.claim(SLEEPER, Map.of()).orElseThrow();
                try (second) {
                    ahead.prepare(SLEEPER, Map.of(), 0);
                    assertThat(ahead.preparedCount()).as("nothing for the claim that never comes").isEqualTo(2);
                    assertThat(ahead.claim(SLEEPER, Map.of())).isEmpty();
                }
            }
        }
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SessionInfo.LABEL, session)).exec()).as("left by this session").isEmpty();
    }

    @Test
    void negativeClaimsLeftAreRefusedBeforeAnythingStarts() {
        try (PreparedStarts ahead = new PreparedStarts(engine, 1)) {
            assertThatThrownBy(() -> ahead.prepare(SLEEPER, Map.of(), -1)).isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Invalid claimsLeft: -1. Allowed: 0 or more claims still to come. Example:"
                            + " ahead.prepare(spec, Map.of(), 3).");
            assertThat(ahead.preparedCount()).isZero();
        }
    }

    @Test
    void theDepthIsOneToFour() {
        assertThatThrownBy(() -> new PreparedStarts(engine, 0)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid depth: 0. Allowed: 1 to 4 containers prepared ahead per spec. Example: new"
                        + " PreparedStarts(engine, 1).");
        assertThatThrownBy(() -> new PreparedStarts(engine, 5)).isInstanceOf(InvalidSpecException.class);
    }
}
