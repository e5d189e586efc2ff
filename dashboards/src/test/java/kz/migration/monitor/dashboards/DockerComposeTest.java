package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Validates the root docker-compose.yml with docker-compose itself (no Docker engine needed). */
class DockerComposeTest {

    @Test
    void composeFileIsValid() {
        Tools.check(Tools.repoRoot(), "docker-compose", "-f", "docker-compose.yml", "config", "-q");
    }

    @Test
    void composeHasTheWholeStack() {
        String services =
                Tools.check(
                        Tools.repoRoot(),
                        "docker-compose",
                        "-f",
                        "docker-compose.yml",
                        "config",
                        "--services");
        assertThat(services.lines().map(String::strip).toList())
                .contains(
                        "kafka",
                        "kafka-init",
                        "jobmanager",
                        "taskmanager",
                        "job-submit",
                        "generator",
                        "alert-forwarder",
                        "prometheus",
                        "alertmanager",
                        "grafana");
    }
}
