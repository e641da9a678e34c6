package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageNamesTest {
    private static final String HEX = "99c39176b6b5c63e6b4c44c5cb549d17d9111e7379530c2b17ee8e0f822bb28b";

    @Test
    void podmansLocalAndDockerHubPrefixesGoOnlyWhereTheyArePodmans() {
        assertThat(ImageNames.familiarOnPodman("localhost/berth-fixtures/busybox:1")).isEqualTo("berth-fixtures/busybox:1");
        assertThat(ImageNames.familiarOnPodman("docker.io/library/redis:7")).isEqualTo("redis:7");
        assertThat(ImageNames.familiarOnPodman("localhost:5000/berth-fixtures/busybox:1"))
                .isEqualTo("localhost:5000/berth-fixtures/busybox:1");
        // on Docker, localhost/ names a registry: kept
        assertThat(ImageNames.familiar("localhost/x:1")).isEqualTo("localhost/x:1");
    }

    @Test
    void aBareImageIdGetsItsDigestPrefixAndNothingElseChanges() {
        assertThat(dev.berth.engine.ImageIds.byId(HEX)).isEqualTo("sha256:" + HEX);
        assertThat(dev.berth.engine.ImageIds.byId("sha256:" + HEX)).isEqualTo("sha256:" + HEX);
        assertThat(dev.berth.engine.ImageIds.byId("berth-snapshots/pg:" + HEX.substring(0, 12)))
                .isEqualTo("berth-snapshots/pg:" + HEX.substring(0, 12));
    }
}
