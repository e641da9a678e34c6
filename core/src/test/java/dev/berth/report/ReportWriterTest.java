package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesMarkdownAndJsonUnderClassAndTestNames() throws Exception {
        ReportWriter.Written w = new ReportWriter(dir).write(ReportSamples.sample(), "com.acme.OrdersTest",
                "savesOrder(String, int)");
        assertThat(w.markdown()).isEqualTo(dir.resolve("com.acme.OrdersTest/savesOrder_String_int.md"));
        assertThat(w.json()).isEqualTo(dir.resolve("com.acme.OrdersTest/savesOrder_String_int.json"));
        assertThat(Files.readString(w.markdown())).isEqualTo(new MarkdownRenderer().render(ReportSamples.sample()));
        assertThat(Files.readString(w.json())).isEqualTo(new JsonRenderer().render(ReportSamples.sample()));
    }

    @Test
    void makesFileNamesSafe() {
        assertThat(ReportWriter.safeName("savesOrder()")).isEqualTo("savesOrder");
        assertThat(ReportWriter.safeName("[1] a/b\\c: ü")).isEqualTo("[1]_a_b_c");
        assertThat(ReportWriter.safeName("fails()[2]")).isEqualTo("fails[2]");
        assertThat(ReportWriter.safeName("shows(String, int)[10]")).isEqualTo("shows_String_int[10]");
        assertThat(ReportWriter.safeName("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(ReportWriter.safeName("()")).isEqualTo("unnamed");
        assertThat(ReportWriter.safeName(null)).isEqualTo("unnamed");
        String longName = "x".repeat(300);
        assertThat(ReportWriter.safeName(longName)).hasSize(100).startsWith("x".repeat(91) + "-")
                .isNotEqualTo(ReportWriter.safeName(longName + "y"));
    }

    @Test
    void saysWhereItCouldNotWriteAndHowToFixIt() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> new ReportWriter(file).write(ReportSamples.sample(), "A", "b"))
                .isInstanceOf(BerthException.class)
                .hasMessageStartingWith("Could not write the Berth failure report to " + file.resolve("A"))
                .hasMessageEndingWith("; check that the directory is writable or set -Dberth.reports.dir=<writable dir>");
    }
}
