package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.BerthException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad compose files, each rejected with Berth's exact message naming the file, line and column (no engine). */
class ComposeBadInputTest {
    static final String DIR = "src/test/resources/compose/bad/";

    static void rejects(String file, String message) {
        assertThatThrownBy(() -> ComposeProject.file(DIR + file).load()).isInstanceOf(ComposeFileException.class)
                .hasMessage(message);
    }

    @Test
    void invalidYamlNamesTheLineAndColumn() {
        rejects("invalid-yaml.yml", "Invalid YAML: \"while scanning a quoted scalar (line 3, column 12): found unexpected end of stream\"."
                + " Allowed: a YAML document (see https://yaml.org/spec/1.2.2/). Example: services: {db: {image: \"postgres:15\"}}."
                + " At " + DIR + "invalid-yaml.yml, line 5, column 1.");
    }

    @Test
    void anUnknownServiceInDependsOn() {
        rejects("unknown-dependency.yml", "Invalid depends_on: \"db\". Allowed: a service of this file: app, cache. Example: depends_on: [app]."
                + " At " + DIR + "unknown-dependency.yml, line 4, column 18 (services.app.depends_on[0]).");
    }

    @Test
    void anUnsupportedKeyIsNamedWithItsLine() {
        rejects("unsupported-key.yml", "Invalid compose key: \"extra_hosts\". Allowed: the keys Berth supports under services.app: build, cap_add,"
                + " cap_drop, command, cpu_shares, cpus, cpuset, depends_on, deploy, domainname, entrypoint, env_file,"
                + " environment, expose, healthcheck, hostname, image, init, ipc, labels, mem_limit, mem_reservation,"
                + " memswap_limit, network_mode, networks, pid, pids_limit, ports, privileged, profiles, read_only,"
                + " security_opt, shm_size, stop_grace_period, stop_signal, tmpfs, ulimits, user, volumes, working_dir"
                + " (see docs/compose.md). Example: build. At " + DIR + "unsupported-key.yml, line 4, column 5"
                + " (services.app.extra_hosts).");
    }

    @Test
    void containerNameIsRefusedWithTheReasonAndTheAliasThatReplacesIt() {
        rejects("container-name.yml", "Invalid compose key: \"container_name\". Allowed: no fixed container name: Berth"
                + " names every container per session (berth-app-<session>-<n>) so that parallel runs never clash, and"
                + " other services reach it by its service name app; to keep the name shop-app resolvable, make it a"
                + " network alias (see docs/compose.md). Example: networks: {default: {aliases: [shop-app]}}. At " + DIR
                + "container-name.yml, line 4, column 5 (services.app.container_name).");
    }

    @Test
    void restartIsRefusedWithTheReasonAndTheFix() {
        rejects("restart.yml", "Invalid compose key: \"restart\". Allowed: no restart policy: Berth removes every"
                + " container when its scope ends, and a restarting container fights that cleanup and hides a crash from"
                + " the failure report; remove the key (a service that must run to completion is a depends_on condition,"
                + " see docs/compose.md). Example: depends_on: {migrate: {condition: service_completed_successfully}}. At "
                + DIR + "restart.yml, line 4, column 5 (services.app.restart).");
    }

    @Test
    void anUnsupportedNestedKey() {
        rejects("unsupported-nested-key.yml", "Invalid compose key: \"replicas\". Allowed: the keys Berth supports under services.app.deploy:"
                + " resources (see docs/compose.md). Example: resources. At " + DIR + "unsupported-nested-key.yml, line 5,"
                + " column 7 (services.app.deploy.replicas).");
    }

    @Test
    void aMissingEnvFile() {
        rejects("missing-env-file.yml", "Invalid env_file: \"missing.env\". Allowed: an existing file relative to the compose file ("
                + Path.of(DIR, "missing.env").toAbsolutePath() + " does not exist). Example: env_file: app.env. At " + DIR
                + "missing-env-file.yml, line 5, column 9 (services.app.env_file[0]).");
    }

    @Test
    void aVariableWithNoValueAndNoDefault() {
        rejects("no-value.yml", "Invalid interpolation: \"${BERTH_TEST_UNSET_PASSWORD}\". Allowed: a variable set in the environment"
                + " or the .env file, or one with a default: ${BERTH_TEST_UNSET_PASSWORD:-default}. Example:"
                + " ${BERTH_TEST_UNSET_PASSWORD:-value}. At " + DIR + "no-value.yml, line 5, column 26"
                + " (services.db.environment.POSTGRES_PASSWORD).");
    }

    @Test
    void aRequiredVariableWithItsErrorText() {
        rejects("required-value.yml", "Invalid interpolation: \"${BERTH_TEST_UNSET_PASSWORD:?set it in .env}\". Allowed:"
                + " BERTH_TEST_UNSET_PASSWORD set and not empty (set it in .env). Example: BERTH_TEST_UNSET_PASSWORD=value"
                + " in the environment or .env. At " + DIR + "required-value.yml, line 5, column 26"
                + " (services.db.environment.POSTGRES_PASSWORD).");
    }

    @Test
    void aBadValueKeepsBerthsMessageAndSaysWhere() {
        rejects("bad-value.yml", "Invalid memory: \"lots\". Allowed: a positive size: a number with an optional binary unit b, k, m, g"
                + " (as the docker CLI reads them). Example: \"256m\". At " + DIR + "bad-value.yml, line 4, column 16"
                + " (services.app.mem_limit).");
    }

    @Test
    void aDuplicateKey() {
        rejects("duplicate-key.yml", "Invalid key: \"image\". Allowed: each key once per mapping. Example: one \"image:\" entry. At " + DIR
                + "duplicate-key.yml, line 4, column 5 (services.app.image).");
    }

    @Test
    void aFileWithoutServices() {
        rejects("no-services.yml", "Invalid compose file: \"no services\". Allowed: a file with a services mapping."
                + " Example: services: {db: {image: \"localhost:5000/berth-fixtures/postgres:15\"}}. At " + DIR
                + "no-services.yml, line 1, column 1.");
    }

    @Test
    void aMissingFile() {
        rejects("nope.yml", "Invalid compose file: \"" + DIR + "nope.yml\". Allowed: an existing file ("
                + Path.of(DIR, "nope.yml").toAbsolutePath() + " does not exist). Example: src/test/resources/docker-compose.yml."
                + " At " + DIR + "nope.yml.");
    }

    @Test
    void theExceptionCarriesFileLineAndColumn() {
        assertThatThrownBy(() -> ComposeProject.file(DIR + "unsupported-key.yml").load())
                .isInstanceOfSatisfying(ComposeFileException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.file()).isEqualTo(DIR + "unsupported-key.yml");
                    org.assertj.core.api.Assertions.assertThat(e.line()).contains(4);
                    org.assertj.core.api.Assertions.assertThat(e.column()).contains(5);
                }).isInstanceOf(BerthException.class);
    }
}
