package dev.berth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private final SecretMasker masker = SecretMasker.of(ReportSettings.DEFAULT_MASK)
            .withSecretsFrom(List.of("POSTGRES_PASSWORD=hunter22", "LANG=C.UTF-8", "API_TOKEN=abc", "db_key=k3y-value"));

    @Test
    void masksSecretNamesCaseInsensitively() {
        assertThat(masker.isSecretName("POSTGRES_PASSWORD")).isTrue();
        assertThat(masker.isSecretName("aws_secret_access_key")).isTrue();
        assertThat(masker.isSecretName("Credentials")).isTrue();
        assertThat(masker.isSecretName("LANG")).isFalse();
    }

    @Test
    void masksLiteralValuesInLogLines() {
        assertThat(masker.mask("connecting with password hunter22 as user k3y-value"))
                .isEqualTo("connecting with password **** as user ****");
    }

    @Test
    void masksNameValuePairsAndOptionsInCommandLines() {
        assertThat(masker.mask("psql --password=x -e POSTGRES_PASSWORD=other --token t0k host=db"))
                .isEqualTo("psql --password=**** -e POSTGRES_PASSWORD=**** --token **** host=db");
    }

    @Test
    void masksShortValuesOnlyNextToTheirName() {
        assertThat(masker.mask("abc API_TOKEN=abc")).isEqualTo("abc API_TOKEN=****");
    }

    @Test
    void masksTheArgumentAfterASecretOption() {
        assertThat(masker.maskArgs(List.of("redis-server", "--password", "pw", "--port", "6379",
                "--password=x", "sh", "-c", "export POSTGRES_PASSWORD=hunter22 && run")))
                .containsExactly("redis-server", "--password", "****", "--port", "6379", "--password=****", "sh",
                        "-c", "export POSTGRES_PASSWORD=**** && run");
    }

    @Test
    void masksAQuotedValueAndKeepsItsQuotesAndWhatFollows() {
        SecretMasker plain = SecretMasker.of(ReportSettings.DEFAULT_MASK);
        assertThat(plain.mask("run --password 'a b' --port 1")).isEqualTo("run --password '****' --port 1");
        assertThat(plain.mask("run --password \"pw\" && echo ok")).isEqualTo("run --password \"****\" && echo ok");
        assertThat(plain.mask("sh -c \"run --password pw\" && echo 'x'"))
                .isEqualTo("sh -c \"run --password ****\" && echo 'x'");
        assertThat(plain.mask("PASSWORD='a b' run; TOKEN=\"t\"")).isEqualTo("PASSWORD='****' run; TOKEN=\"****\"");
        assertThat(plain.mask("run --password 'never closed")).isEqualTo("run --password '****");
    }

    @Test
    void aReportCommandLineKeepsItsShellQuoting() {
        SecretMasker plain = SecretMasker.of(ReportSettings.DEFAULT_MASK);
        assertThat(MarkdownRenderer.commandLine(plain.maskArgs(List.of("sh", "-c",
                "redis-server --password 'pw x' --port 6379", "--token", "t0k"))))
                .isEqualTo("sh -c 'redis-server --password '\\''****'\\'' --port 6379' --token ****");
    }

    @Test
    void customPatternsReplaceTheDefaults() {
        SecretMasker custom = SecretMasker.of(List.of("PIN$")).withSecretsFrom(List.of("CARD_PIN=1234", "PASSWORD=open"));
        assertThat(custom.mask("pin 1234, password open, PASSWORD=open")).isEqualTo("pin ****, password open, PASSWORD=open");
    }

    @Test
    void rejectsAnInvalidPatternSayingHowToFixIt() {
        assertThatThrownBy(() -> SecretMasker.of(List.of("PASS(")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Report mask patterns must be regular expressions, got [PASS(]: Unclosed group;"
                        + " e.g. -Dberth.reports.mask=PASSWORD,SECRET,TOKEN");
    }
}
