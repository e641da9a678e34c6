package dev.berth.arch;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of core — every public type of the packages {@code module-info.java} exports to
 * everyone, with its public and protected members — is checked in as {@code docs/api.txt}, so every change
 * to the surface shows in review. Regenerate after an intended change with
 * {@code mvn -pl core test -Dtest=ApiListingTest -Dberth.api.update=true}.
 */
class ApiListingTest {
    @Test
    void docsApiTxtMatchesTheExportedSurface() throws Exception {
        ApiListing.assertMatches(Path.of("..", "docs", "api.txt"), ApiListingTest.class.getClassLoader(),
                "mvn -pl core test -Dtest=ApiListingTest -Dberth.api.update=true");
    }
}
