package dev.berth.junit.arch;

import dev.berth.arch.ApiListing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The extension's public API (the annotations, {@code DockerTest} and what they expose) is checked in as
 * {@code docs/api-junit.txt}, rendered like core's {@code docs/api.txt}, so every change to it shows in review.
 */
class ExtensionApiListingTest {
    @Test
    void docsApiJunitTxtMatchesTheExportedSurface() throws Exception {
        ApiListing.assertMatches(Path.of("..", "docs", "api-junit.txt"), ExtensionApiListingTest.class.getClassLoader(),
                "mvn -pl core,junit5-extension verify -Dtest=ExtensionApiListingTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dberth.api.update=true");
    }
}
