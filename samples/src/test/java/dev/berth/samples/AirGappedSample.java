package dev.berth.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.RunningContainer;
import dev.berth.junit.Container;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ResetPerTest;
import dev.berth.junit.SaveImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sample 7 — air-gapped CI. No registry is reachable, so the image comes with an archive: when the
 * engine does not hold {@code berth-fixtures/busybox:1}, Berth loads {@code busybox.tar} from the CI
 * cache directory ({@code -Dberth.fixtures.dir}, set by the build) instead of pulling. The class seeds
 * its container once, resets it per test from a snapshot, and after the class saves that seeded
 * snapshot to {@code target/berth-cache/} — cache that directory and the next pipeline run can
 * {@code docker load} it (or declare it as an {@code archive}) without re-seeding.
 */
@DockerTest
@TestMethodOrder(MethodOrderer.MethodName.class)
class AirGappedSample {

    @Container(image = "berth-fixtures/busybox:1", archive = "${berth.fixtures.dir}/busybox.tar",
               command = {"sleep", "600"})
    @ResetPerTest
    @SaveImage("target/berth-cache/seeded-catalog.tar")
    static RunningContainer catalog;

    @BeforeAll
    static void seed() {
        catalog.exec("sh", "-c", "mkdir -p /srv/catalog && for i in $(seq 1 50); do echo item-$i > /srv/catalog/$i; done");
    }

    @Test
    void aPurgeSeesTheSeed() {
        assertThat(count()).isEqualTo(50);
        catalog.exec("sh", "-c", "rm -rf /srv/catalog");
    }

    @Test
    void bTheNextTestStillSeesTheSeed() {
        assertThat(count()).isEqualTo(50);
        assertThat(catalog.exec("cat", "/srv/catalog/7").stdout().trim()).isEqualTo("item-7");
    }

    private static int count() {
        return Integer.parseInt(catalog.exec("sh", "-c", "ls /srv/catalog | wc -l").stdout().trim());
    }
}
