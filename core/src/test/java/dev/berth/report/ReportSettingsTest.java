package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportSettingsTest {
    @Test
    void defaultsAreDocumentedOnes() {
        ReportSettings s = ReportSettings.fromProperties(new Properties());
        assertThat(s.enabled()).isTrue();
        assertThat(s.directory()).isEqualTo(Path.of("target/berth-reports"));
        assertThat(s.logLines()).isEqualTo(200);
        assertThat(s.includeStats()).isTrue();
        assertThat(s.always()).isFalse();
        assertThat(s.maskPatterns()).containsExactly("PASSWORD", "SECRET", "TOKEN", "KEY", "CREDENTIAL");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void readsEveryBerthReportsProperty() {
        Properties p = new Properties();
        p.setProperty("berth.reports.enabled", "off");
        p.setProperty("berth.reports.dir", "build/reports/berth");
        p.setProperty("berth.reports.logLines", "50");
        p.setProperty("berth.reports.stats", "false");
        p.setProperty("berth.reports.always", "true");
        p.setProperty("berth.reports.mask", "PASSWORD, PIN ,");
        p.setProperty("berth.reports.timeout", "1500ms");
        ReportSettings s = ReportSettings.fromProperties(p);
        assertThat(s.enabled()).isFalse();
        assertThat(s.directory()).isEqualTo(Path.of("build/reports/berth"));
        assertThat(s.logLines()).isEqualTo(50);
        assertThat(s.includeStats()).isFalse();
        assertThat(s.always()).isTrue();
        assertThat(s.maskPatterns()).isEqualTo(List.of("PASSWORD", "PIN"));
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void badValuesNameThePropertyTheValueAndAnExample() {
        assertThat(error("berth.reports.always", "maybe"))
                .isEqualTo("berth.reports.always must be true or false, got 'maybe'; e.g. -Dberth.reports.always=true");
        assertThat(error("berth.reports.logLines", "lots"))
                .isEqualTo("berth.reports.logLines must be a whole number, got 'lots'; e.g. -Dberth.reports.logLines=200");
        assertThat(error("berth.reports.logLines", "-1"))
                .isEqualTo("Report log lines must be 0 to 100000, got -1; e.g. -Dberth.reports.logLines=200");
        assertThat(error("berth.reports.timeout", "2 minutes"))
                .isEqualTo("berth.reports.timeout must be a duration like 2s or 500ms, got '2 minutes';"
                        + " e.g. -Dberth.reports.timeout=2s");
        assertThat(error("berth.reports.timeout", "10ms"))
                .isEqualTo("Report timeout must be 100ms to 60s, got 10ms; e.g. -Dberth.reports.timeout=2s");
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        ReportSettings d = ReportSettings.defaults();
        ReportSettings changed = d.withLogLines(10).withAlways(true);
        assertThat(d.logLines()).isEqualTo(200);
        assertThat(d.always()).isFalse();
        assertThat(changed.logLines()).isEqualTo(10);
        assertThat(changed.always()).isTrue();
    }

    private static String error(String name, String value) {
        Properties p = new Properties();
        p.setProperty(name, value);
        return org.assertj.core.api.Assertions.catchThrowableOfType(IllegalArgumentException.class,
                () -> ReportSettings.fromProperties(p)).getMessage();
    }
}
